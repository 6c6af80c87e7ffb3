namespace OffBenzos.Community.Web.Crisis;

/// <summary>
/// One reason for a category, for the moderator who reviews the text.
/// </summary>
/// <param name="Category">The category this evidence supports.</param>
/// <param name="Phrase">The cue as matched, in normalised form ("want to die", "ran out of clonazepam").</param>
/// <param name="Sentence">The sentence of the original text the cue was found in (trimmed to 300 characters).</param>
/// <param name="Note">Context the moderator should know ("about someone else", "in the past", "quoted"), or null.</param>
public sealed record CrisisEvidence(CrisisCategory Category, string Phrase, string Sentence, string? Note);
