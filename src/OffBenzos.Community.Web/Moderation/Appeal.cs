namespace OffBenzos.Community.Web.Moderation;

/// <summary>A member's one appeal against one decision (on their content, or a sanction), decided by another moderator.</summary>
public class Appeal
{
    public long Id { get; set; }
    public required string UserId { get; set; }

    /// <summary>"item:{id}" for a decision on content, "sanction:{id}" for a sanction: one appeal each.</summary>
    public required string DecisionKey { get; set; }

    public required string Text { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
