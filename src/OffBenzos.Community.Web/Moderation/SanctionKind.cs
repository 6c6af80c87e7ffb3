namespace OffBenzos.Community.Web.Moderation;

/// <summary>The ladder of sanctions, mildest first.</summary>
public enum SanctionKind
{
    /// <summary>A recorded warning; no restriction.</summary>
    Warning,

    /// <summary>Read-only: no posts, replies, reactions, flags or chat until it ends.</summary>
    Silence,

    /// <summary>Cannot sign in until it ends.</summary>
    Suspension,

    /// <summary>Cannot sign in, with no end.</summary>
    Ban,
}
