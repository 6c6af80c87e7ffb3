namespace OffBenzos.Community.Web.Crisis;

/// <summary>One entry of the lexicon: phrases for a category, and the conditions that keep them precise.</summary>
internal sealed class CrisisCue
{
    public required CrisisCategory Category { get; init; }

    public required CrisisCueKind Kind { get; init; }

    public required IReadOnlyList<CrisisPattern> Patterns { get; init; }

    /// <summary>The word right after the phrase must not be one of these ("suicide" + "hotline").</summary>
    public CrisisWordSet? NotFollowedBy { get; init; }

    /// <summary>The word right before the phrase must not be one of these.</summary>
    public CrisisWordSet? NotPrecededBy { get; init; }

    /// <summary>Any of these anywhere in the sentence cancels the cue ("cold turkey" with "caffeine").</summary>
    public IReadOnlyList<CrisisPattern> Vetoes { get; init; } = [];

    /// <summary>When not empty, one of these must be somewhere in the sentence (intent for "take all my pills").</summary>
    public IReadOnlyList<CrisisPattern> Requires { get; init; } = [];
}
