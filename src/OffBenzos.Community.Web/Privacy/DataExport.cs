namespace OffBenzos.Community.Web.Privacy;

/// <summary>
/// A member's request for a copy of everything held about them. Prepared in the background; the
/// ZIP is kept in the database (so any instance can serve it) for that member only, until it expires.
/// </summary>
public class DataExport
{
    public Guid Id { get; set; }
    public required string UserId { get; set; }
    public DataExportStatus Status { get; set; } = DataExportStatus.Queued;

    /// <summary>0 to 100, for the progress bar.</summary>
    public int Progress { get; set; }

    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? ReadyAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public byte[]? Content { get; set; }
    public long? Size { get; set; }
}

public enum DataExportStatus
{
    Queued,
    Running,
    Ready,
    Failed,
}
