namespace OffBenzos.Community.Web.Sessions;

/// <summary>
/// A member's presence at a session: when they first entered (the attendance record they can show
/// their prescriber, and where late-joiner privacy starts), and the host's controls on them.
/// </summary>
public class SessionAttendance
{
    public int SessionId { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset FirstJoinedAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
    public bool Muted { get; set; }
    public DateTimeOffset? RemovedAt { get; set; }
    public string? RemovedReason { get; set; }
}
