namespace OffBenzos.Community.Web.Forum;

/// <summary>
/// What a member submitted after their session had quietly ended: kept for a day under a random
/// token held in their browser, and handed back to the composer once they sign in again.
/// </summary>
public class SubmissionStash
{
    public required string Token { get; set; }
    public required string DraftKey { get; set; }
    public string? Title { get; set; }
    public required string Markdown { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
