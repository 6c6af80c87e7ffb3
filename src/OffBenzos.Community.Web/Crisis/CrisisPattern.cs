namespace OffBenzos.Community.Web.Crisis;

/// <summary>
/// A phrase over normalised tokens, compiled once. The notation, space-separated:
/// <c>want|wanna</c> one of these words; <c>suicid*</c> a prefix; <c>@benzo</c> a word class from the lexicon
/// (may be mixed with words: <c>@pills|them</c>); <c>#n</c> any number, <c>#m</c> a number of eight or more,
/// <c>#y</c> a year; a trailing <c>?</c> makes a position optional; <c>~3</c> skips up to three words.
/// A phrase never spans a clause boundary (a comma, colon, bracket or dash).
/// </summary>
/// <remarks>
/// Matching is a bounded search over a handful of positions (a gap tries at most its length, an optional
/// position two ways), so the cost is linear in the text with a small constant: no regular expression and
/// nothing a crafted text can make slow.
/// </remarks>
internal sealed class CrisisPattern
{
    private readonly CrisisPatternElement[] _elements;

    private CrisisPattern(string source, CrisisPatternElement[] elements)
    {
        Source = source;
        _elements = elements;
    }

    public string Source { get; }

    public static CrisisPattern Parse(string source, IReadOnlyDictionary<string, string[]> classes)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(classes);
        var elements = new List<CrisisPatternElement>();
        foreach (var part in source.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part[0] == '~')
            {
                elements.Add(CrisisPatternElement.ForGap(int.Parse(part.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture)));
                continue;
            }
            var optional = part.Length > 1 && part[^1] == '?';
            var body = optional ? part[..^1] : part;
            if (body[0] == '#')
            {
                elements.Add(CrisisPatternElement.ForNumber(body[1], optional));
                continue;
            }
            var entries = new List<string>();
            foreach (var alternative in body.Split('|', StringSplitOptions.RemoveEmptyEntries))
            {
                if (alternative[0] == '@')
                {
                    entries.AddRange(classes.TryGetValue(alternative[1..], out var members)
                        ? members
                        : throw new InvalidOperationException($"Unknown word class {alternative} in crisis phrase \"{source}\"."));
                }
                else
                {
                    entries.Add(alternative);
                }
            }
            elements.Add(CrisisPatternElement.ForWords(new CrisisWordSet(entries), optional));
        }
        if (elements.Count == 0 || elements[0].IsGap || elements[0].Optional || elements[^1].IsGap)
        {
            throw new InvalidOperationException($"Crisis phrase \"{source}\" must start and end with a required word.");
        }
        return new CrisisPattern(source, [.. elements]);
    }

    /// <summary>The end (exclusive) of a match starting at <paramref name="start"/>, or -1.</summary>
    public int MatchAt(IReadOnlyList<CrisisToken> tokens, int start) => Match(tokens, 0, start, null);

    /// <summary>The words a match skipped with its gaps ("have [never had a] seizure"), where a negation can hide.</summary>
    public IReadOnlyList<int> GapWords(IReadOnlyList<CrisisToken> tokens, int start)
    {
        var skipped = new List<int>();
        return Match(tokens, 0, start, skipped) >= 0 ? skipped : [];
    }

    /// <summary>Every match in the tokens, as (start, end) pairs, leftmost first.</summary>
    public IEnumerable<(int Start, int End)> Matches(IReadOnlyList<CrisisToken> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var end = Match(tokens, 0, i, null);
            if (end > i)
            {
                yield return (i, end);
            }
        }
    }

    public bool IsFoundIn(IReadOnlyList<CrisisToken> tokens, int from = 0, int to = int.MaxValue)
    {
        to = Math.Min(to, tokens.Count);
        for (var i = Math.Max(0, from); i < to; i++)
        {
            var end = Match(tokens, 0, i, null);
            if (end > i && end <= to)
            {
                return true;
            }
        }
        return false;
    }

    private int Match(IReadOnlyList<CrisisToken> tokens, int element, int at, List<int>? skipped)
    {
        if (element == _elements.Length)
        {
            return at;
        }
        var current = _elements[element];
        if (current.IsGap)
        {
            for (var skip = 0; skip <= current.Gap; skip++)
            {
                if (skip > 0 && (at + skip - 1 >= tokens.Count || tokens[at + skip - 1].IsBoundary))
                {
                    break;
                }
                var end = Match(tokens, element + 1, at + skip, skipped);
                if (end >= 0)
                {
                    // Recorded on the way back out, so only the successful path's gaps are kept.
                    for (var i = 0; i < skip; i++)
                    {
                        skipped?.Add(at + i);
                    }
                    return end;
                }
            }
            return -1;
        }
        if (at < tokens.Count && !tokens[at].IsBoundary && current.Accepts(tokens[at].Text))
        {
            var end = Match(tokens, element + 1, at + 1, skipped);
            if (end >= 0)
            {
                return end;
            }
        }
        return current.Optional ? Match(tokens, element + 1, at, skipped) : -1;
    }

    public override string ToString() => Source;
}
