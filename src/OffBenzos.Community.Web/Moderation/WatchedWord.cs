namespace OffBenzos.Community.Web.Moderation;

/// <summary>A rule admins keep: text that matches is blocked, held, flagged or sent to the crisis lane.</summary>
public class WatchedWord
{
    public int Id { get; set; }
    public required string Pattern { get; set; }
    public WatchedPatternKind Kind { get; set; }
    public WatchedAction Action { get; set; }

    /// <summary>Said to the member when the rule blocks or holds their words.</summary>
    public required string Explanation { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
