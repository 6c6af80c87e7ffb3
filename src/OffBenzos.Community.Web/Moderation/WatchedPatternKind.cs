namespace OffBenzos.Community.Web.Moderation;

public enum WatchedPatternKind
{
    /// <summary>A whole word or phrase, any case ("pills for sale").</summary>
    Phrase,

    /// <summary>A word with * standing for any letters ("whatsapp*").</summary>
    Wildcard,

    /// <summary>A regular expression (run without backtracking), for shapes like phone numbers.</summary>
    Pattern,
}
