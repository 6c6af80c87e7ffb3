namespace OffBenzos.Community.Web.Moderation;

/// <summary>A flaggable thing, loaded: where it lives, whose it is, and what it says now.</summary>
public sealed record ModerationTarget(
    string Type,
    string Id,
    int? GroupId,
    string? AuthorId,
    string Title,
    string Content,
    string Link);
