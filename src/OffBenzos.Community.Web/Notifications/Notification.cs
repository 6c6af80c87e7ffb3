namespace OffBenzos.Community.Web.Notifications;

/// <summary>Something a member should know about. Personal data: erased with the account.</summary>
public class Notification
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public NotificationKind Kind { get; set; }
    public string? ActorId { get; set; }
    public int? PostId { get; set; }

    /// <summary>A short, already plain summary (the thread's title), so the list needs no joins.</summary>
    public required string Summary { get; set; }

    /// <summary>Longer text where the kind needs it: a moderator's reason, written for the member.</summary>
    public string? Detail { get; set; }

    /// <summary>For a moderation notice: the decision it reports ("item:12", "sanction:5"), which the member may appeal once.</summary>
    public string? AppealKey { get; set; }

    /// <summary>Where the notification leads when it is not a post (a session, a chat message).</summary>
    public string? Url { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}
