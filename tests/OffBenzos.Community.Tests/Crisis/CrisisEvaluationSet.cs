using OffBenzos.Community.Web.Crisis;

namespace OffBenzos.Community.Tests.Crisis;

/// <summary>
/// Reads crisis-evaluation.tsv (copied next to the test assembly): a header line, then
/// "expected_categories&lt;TAB&gt;text" lines. Lines starting with '#' are comments; "# part: NAME" and
/// "# section: NAME" start a part (development, held-out) and a group within it.
/// </summary>
public static class CrisisEvaluationSet
{
    public const string FileName = "crisis-evaluation.tsv";

    private static readonly Lazy<IReadOnlyList<CrisisEvaluationCase>> Cases = new(() => Load(Path.Combine(AppContext.BaseDirectory, "Crisis", FileName)));

    public static IReadOnlyList<CrisisEvaluationCase> All => Cases.Value;

    public static IReadOnlyList<CrisisEvaluationCase> Load(string path)
    {
        var cases = new List<CrisisEvaluationCase>();
        var part = "";
        var section = "";
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != "expected_categories\ttext")
        {
            throw new InvalidDataException($"{path} must start with the header \"expected_categories<TAB>text\".");
        }
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }
            if (line.StartsWith('#'))
            {
                const string SectionMarker = "# section:";
                const string PartMarker = "# part:";
                if (line.StartsWith(SectionMarker, StringComparison.Ordinal))
                {
                    section = line[SectionMarker.Length..].Trim();
                }
                else if (line.StartsWith(PartMarker, StringComparison.Ordinal))
                {
                    part = line[PartMarker.Length..].Trim();
                }
                continue;
            }
            var columns = line.Split('\t');
            if (columns.Length != 2 || columns[1].Length == 0)
            {
                throw new InvalidDataException($"{path} line {i + 1} must be two tab-separated columns: {line}");
            }
            var expected = columns[0] == "None"
                ? new HashSet<CrisisCategory>()
                : columns[0].Split(',').Select(c => Enum.Parse<CrisisCategory>(c.Trim())).ToHashSet();
            cases.Add(new CrisisEvaluationCase(part, section, expected, columns[1], i + 1));
        }
        return cases;
    }
}
