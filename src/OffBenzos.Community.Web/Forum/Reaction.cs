namespace OffBenzos.Community.Web.Forum;

/// <summary>One member's reaction of one kind to one post (at most one of each kind).</summary>
public class Reaction
{
    public int PostId { get; set; }
    public required string UserId { get; set; }
    public ReactionKind Kind { get; set; }
    public DateTimeOffset At { get; set; }
}
