using OffBenzos.Community.Web.Crisis;

namespace OffBenzos.Community.Tests.Crisis;

/// <summary>One labelled sentence of crisis-evaluation.tsv.</summary>
/// <param name="Part">"development" (the rules were written against it) or "held-out" (written after they were frozen).</param>
/// <param name="Section">The "# section:" it is under (suicide-or-self-harm, ordinary-taper-talk, hard-negatives...).</param>
/// <param name="Expected">The expected categories; empty for None.</param>
/// <param name="Text">The sentence.</param>
/// <param name="Line">Its line in the file, for failure messages.</param>
public sealed record CrisisEvaluationCase(string Part, string Section, IReadOnlySet<CrisisCategory> Expected, string Text, int Line)
{
    public override string ToString() => $"line {Line}: {Text}";
}
