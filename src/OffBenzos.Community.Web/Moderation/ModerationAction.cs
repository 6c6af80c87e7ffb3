namespace OffBenzos.Community.Web.Moderation;

/// <summary>
/// Append-only audit row for every moderator action: who, what, on what, why, and the content
/// before. Never updated or deleted by the app (CommunityDb refuses to save such a change), and
/// chained by hash so that a change made outside the app is detectable.
/// </summary>
public class ModerationAction
{
    public long Id { get; set; }

    /// <summary>1, 2, 3... with no gaps: the row's place in the chain (unique).</summary>
    public long Sequence { get; set; }

    /// <summary>The <see cref="Hash"/> of the row before ("" for the first row).</summary>
    public string PreviousHash { get; set; } = "";

    /// <summary>SHA-256 over this row's content and <see cref="PreviousHash"/>: a changed or removed row breaks the chain.</summary>
    public string Hash { get; set; } = "";

    public required string ActorId { get; set; }

    /// <summary>What was done, e.g. "thread.lock", "thread.move", "post.hide".</summary>
    public required string Action { get; set; }

    /// <summary>"thread", "post", "chat-message" or "profile".</summary>
    public required string TargetType { get; set; }

    public required string TargetId { get; set; }
    public int? GroupId { get; set; }
    public string? Reason { get; set; }

    /// <summary>The content or state as it was before the action, so the log shows what changed.</summary>
    public string? ContentBefore { get; set; }

    public DateTimeOffset At { get; set; }
}
