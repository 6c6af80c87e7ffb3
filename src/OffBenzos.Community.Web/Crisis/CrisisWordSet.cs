namespace OffBenzos.Community.Web.Crisis;

/// <summary>
/// A set of normalised words and word prefixes ("suicid*") that one position of a phrase accepts. Matching
/// tolerates elongation ("diee" for "die", "pillls" for "pills": text is already cut to two repeats) and
/// censoring with asterisks ("s*icidal", "k*ll").
/// </summary>
internal sealed class CrisisWordSet
{
    private readonly HashSet<string> _words = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _squeezed = new(StringComparer.Ordinal);
    private readonly List<string> _prefixes = [];

    public CrisisWordSet(IEnumerable<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            if (entry.Length > 1 && entry.EndsWith('*'))
            {
                _prefixes.Add(entry[..^1]);
                continue;
            }
            _words.Add(entry);
            var squeezed = Squeeze(entry);
            // Only text longer than the word can be an elongation of it: "fell" must not match "feel".
            _squeezed[squeezed] = _squeezed.TryGetValue(squeezed, out var shortest) ? Math.Min(shortest, entry.Length) : entry.Length;
        }
    }

    public static CrisisWordSet Of(string alternatives) => new(alternatives.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public bool Contains(string token)
    {
        if (_words.Contains(token))
        {
            return true;
        }
        if (token.Contains('*', StringComparison.Ordinal))
        {
            return ContainsCensored(token);
        }
        foreach (var prefix in _prefixes)
        {
            if (token.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }
        if (!HasDoubledLetter(token))
        {
            return false;
        }
        var squeezed = Squeeze(token);
        if (_squeezed.TryGetValue(squeezed, out var length) && token.Length > length)
        {
            return true;
        }
        foreach (var prefix in _prefixes)
        {
            if (squeezed.StartsWith(Squeeze(prefix), StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>"s*icidal" matches "suicidal": each asterisk stands for one letter, at least one letter is shown.</summary>
    private bool ContainsCensored(string token)
    {
        foreach (var word in _words)
        {
            if (word.Length == token.Length && SameExceptStars(token, word, word.Length))
            {
                return true;
            }
        }
        foreach (var prefix in _prefixes)
        {
            if (token.Length >= prefix.Length && SameExceptStars(token, prefix, prefix.Length))
            {
                return true;
            }
        }
        return false;
    }

    private static bool SameExceptStars(string token, string word, int length)
    {
        for (var i = 0; i < length; i++)
        {
            if (token[i] != '*' && token[i] != word[i])
            {
                return false;
            }
        }
        return true;
    }

    private static bool HasDoubledLetter(string token)
    {
        for (var i = 1; i < token.Length; i++)
        {
            if (token[i] == token[i - 1] && char.IsLetter(token[i]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Every run of a repeated letter cut to one: "kill" → "kil", "sooo" → "so".</summary>
    public static string Squeeze(string word)
    {
        var chars = new char[word.Length];
        var n = 0;
        foreach (var c in word)
        {
            if (n == 0 || chars[n - 1] != c || !char.IsLetter(c))
            {
                chars[n++] = c;
            }
        }
        return new string(chars, 0, n);
    }
}
