namespace OffBenzos.Community.Web.Moderation;

public enum ReviewDecision
{
    /// <summary>The flags were right: the content is hidden or removed, and the author told why.</summary>
    Agree,

    /// <summary>The flags were wrong: the content is restored and the flags cleared.</summary>
    Disagree,

    /// <summary>Nothing to act on; the item is closed and the content left as it was before any automatic hiding.</summary>
    Ignore,
}
