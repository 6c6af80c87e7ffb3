namespace OffBenzos.Community.Web.Sessions;

/// <summary>
/// A live group session hosted by one of the group's coaches, with its own chat room. Before it
/// opens the room is a lobby; the host opens it, runs it with host controls, and ends it.
/// </summary>
public class LiveSession
{
    public int Id { get; set; }
    public int GroupId { get; set; }
    public int RoomId { get; set; }
    public required string HostId { get; set; }
    public required string Title { get; set; }
    public string Description { get; set; } = "";

    public DateTimeOffset StartsAt { get; set; }
    public int DurationMinutes { get; set; }

    /// <summary>The time zone the coach scheduled it in, for the calendar file and the coach's own view.</summary>
    public required string TimeZoneId { get; set; }

    public int Capacity { get; set; }
    public LiveSessionStatus Status { get; set; } = LiveSessionStatus.Scheduled;

    /// <summary>Seconds a member waits between messages; 0 when slow mode is off.</summary>
    public int SlowModeSeconds { get; set; }

    /// <summary>Only the host (and moderators) can write.</summary>
    public bool AnnouncementOnly { get; set; }

    /// <summary>A member who joins late sees only what was said after they joined.</summary>
    public bool LateJoinerPrivacy { get; set; } = true;

    public long? PinnedMessageId { get; set; }

    /// <summary>
    /// Counted after each host change is stored, and sent with the room's state. Two changes at nearly
    /// the same moment (the host and a moderator) each send the state they read, and the older can
    /// arrive last: a page keeps the state with the highest version.
    /// </summary>
    public int StateVersion { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? OpenedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public DateTimeOffset? ReminderSentAt { get; set; }

    /// <summary>When the transcript was deleted, its retention over.</summary>
    public DateTimeOffset? TranscriptDeletedAt { get; set; }

    public DateTimeOffset EndsAt => StartsAt.AddMinutes(DurationMinutes);
}

public enum LiveSessionStatus
{
    Scheduled,
    Open,
    Ended,
    Cancelled,
}
