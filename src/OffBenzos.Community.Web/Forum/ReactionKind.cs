namespace OffBenzos.Community.Web.Forum;

/// <summary>Reactions that fit a support community: no "dislike".</summary>
public enum ReactionKind
{
    Support,
    Hug,
    SameHere,
}
