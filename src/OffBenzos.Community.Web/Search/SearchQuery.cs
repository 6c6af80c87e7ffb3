using System.Globalization;
using System.Text;

namespace OffBenzos.Community.Web.Search;

/// <summary>
/// A member's search words, taken apart into plain terms so that the database never reads the
/// member's text as query syntax: only letters, digits and combining marks survive, each term is
/// quoted as a phrase, and the terms are joined with AND. Quotes, <c>*</c>, <c>-</c>, parentheses,
/// <c>NEAR(</c>, <c>column:</c> and the words AND/OR/NOT therefore become separators or plain words.
/// </summary>
public sealed class SearchQuery
{
    /// <summary>Longer input is cut here: nobody searches with a paragraph, and every term costs an index lookup.</summary>
    public const int MaxLength = 200;

    public const int MaxTerms = 10;

    /// <summary>The last word also matches as a prefix from this length on; one letter would match most of the index.</summary>
    public const int MinPrefixLength = 2;

    private SearchQuery(IReadOnlyList<string> terms, bool lastIsPrefix, bool wasShortened)
    {
        Terms = terms;
        LastIsPrefix = lastIsPrefix;
        WasShortened = wasShortened;
    }

    /// <summary>The words to find, in the member's order, without duplicates.</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>Whether the last term also finds words that start with it ("tap" finds "taper").</summary>
    public bool LastIsPrefix { get; }

    /// <summary>The input was longer than <see cref="MaxLength"/> or had more than <see cref="MaxTerms"/> words.</summary>
    public bool WasShortened { get; }

    public bool IsEmpty => Terms.Count == 0;

    public static SearchQuery Parse(string? text)
    {
        text ??= "";
        var shortened = false;
        if (text.Length > MaxLength)
        {
            text = text[..MaxLength];
            shortened = true;
        }

        var terms = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (start, length) in Words(text))
        {
            // Words are whole runes, so normalising cannot meet a lone surrogate; NFC matches what keyboards type.
            var term = text.Substring(start, length).Normalize(NormalizationForm.FormC);
            if (!seen.Add(term))
            {
                continue;
            }
            if (terms.Count == MaxTerms)
            {
                shortened = true;
                break;
            }
            terms.Add(term);
        }
        var lastIsPrefix = terms.Count > 0 && terms[^1].Length >= MinPrefixLength;
        return new SearchQuery(terms, lastIsPrefix, shortened);
    }

    /// <summary>An FTS5 MATCH expression: <c>"word1" AND "word2"*</c>.</summary>
    public string ToFts5() => Join(prefix => prefix ? "\"{0}\"*" : "\"{0}\"");

    /// <summary>The same with every word whole, the last one too: <c>"word1" AND "word2"</c>.</summary>
    public string ToFts5WholeWords() => Join(_ => "\"{0}\"");

    /// <summary>A SQL Server CONTAINS search condition: <c>"word1" AND "word2*"</c>.</summary>
    public string ToSqlServer() => Join(prefix => prefix ? "\"{0}*\"" : "\"{0}\"");

    private string Join(Func<bool, string> format)
    {
        if (IsEmpty)
        {
            throw new InvalidOperationException("An empty query has no database form; check IsEmpty first.");
        }
        return string.Join(" AND ", Terms.Select((term, i) =>
            string.Format(CultureInfo.InvariantCulture, format(LastIsPrefix && i == Terms.Count - 1), term)));
    }

    /// <summary>
    /// The words of <paramref name="text"/> as (start, length) in UTF-16 units: runs of letters, digits
    /// and combining marks, as SQLite's unicode61 tokenizer sees them. Invalid UTF-16 separates words.
    /// </summary>
    public static IEnumerable<(int Start, int Length)> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = -1;
        var i = 0;
        while (i < text.Length)
        {
            var status = Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var consumed);
            var inWord = status == System.Buffers.OperationStatus.Done && IsWordRune(rune);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return (start, i - start);
                start = -1;
            }
            i += consumed;
        }
        if (start >= 0)
        {
            yield return (start, text.Length - start);
        }
    }

    private static bool IsWordRune(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        _ => false,
    };
}
