namespace OffBenzos.Community.Web.Forum;

/// <summary>
/// One post in a thread. The Markdown the member wrote is kept, and so is the sanitized HTML made
/// from it once, when it was written, so reading never renders again.
/// </summary>
public class Post
{
    public int Id { get; set; }
    public int ThreadId { get; set; }

    /// <summary>1 for the opening post, then 2, 3...: the post's place in its thread.</summary>
    public int Number { get; set; }

    public required string AuthorId { get; set; }
    public int? ReplyToPostId { get; set; }
    public required string Markdown { get; set; }
    public required string Html { get; set; }

    /// <summary>The text without markup, for search and notifications.</summary>
    public required string PlainText { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? EditedAt { get; set; }
    public ContentState State { get; set; } = ContentState.Visible;

    /// <summary>Chosen by the form when it was shown; a second submit of the same form finds the first post.</summary>
    public Guid ClientRequestId { get; set; }
}
