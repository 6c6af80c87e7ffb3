namespace OffBenzos.Community.Web.Moderation;

/// <summary>
/// What can be flagged and moderated. A chat message is just another target type: the queue, the
/// decisions and the audit log treat every target the same way.
/// </summary>
public static class ModerationTargets
{
    public const string Post = "post";
    public const string Thread = "thread";
    public const string ChatMessage = "chat-message";
    public const string Profile = "profile";

    /// <summary>A member's appeal against a decision: reviewed like anything else, by another moderator.</summary>
    public const string Appeal = "appeal";

    public static readonly IReadOnlyList<string> Flaggable = [Post, Thread, ChatMessage, Profile];
}
