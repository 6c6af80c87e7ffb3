namespace OffBenzos.Community.Web.Crisis;

/// <summary>A sentence as the detector sees it: the original text (for evidence) and its normalised tokens.</summary>
internal sealed record CrisisSentence(string Original, IReadOnlyList<CrisisToken> Tokens, bool IsQuestion);
