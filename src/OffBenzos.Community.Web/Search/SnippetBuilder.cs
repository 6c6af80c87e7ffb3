using System.Globalization;
using System.Text;

namespace OffBenzos.Community.Web.Search;

/// <summary>
/// Marks a query's words in a text, in C#, for both databases: SQL Server's full-text search has no
/// snippet function, and SQLite's snippet() reads the query again for each post (for a prefix, all
/// of its matches each time: a third of a second a page, measured). Words compare as the index
/// compares them: ignoring case and diacritics, the last term also as a prefix.
/// </summary>
public static class SnippetBuilder
{
    /// <summary>Enough to recognise the post, short enough to scan a list.</summary>
    public const int SnippetWords = 32;

    /// <summary>Words shown before the first match, so the match is read in its sentence.</summary>
    private const int Lead = 8;

    private const string Ellipsis = "…";

    /// <summary>A window of <paramref name="maxWords"/> words around the first match (or the start), with ellipses where cut.</summary>
    public static string Snippet(string text, SearchQuery query, int maxWords = SnippetWords)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(query);
        var words = SearchQuery.Words(text).ToList();
        if (words.Count == 0)
        {
            return text.Length > 200 ? text[..200] + Ellipsis : text;
        }
        var matcher = new Matcher(query);
        var first = words.FindIndex(w => matcher.Matches(text.AsSpan(w.Start, w.Length)));
        // A few words before the match, and the window kept full at the end: a short post is shown whole.
        var from = Math.Max(0, Math.Min(first - Lead, words.Count - maxWords));
        var to = Math.Min(words.Count, from + maxWords);
        var start = from == 0 ? 0 : words[from].Start;
        var end = to == words.Count ? text.Length : words[to - 1].Start + words[to - 1].Length;
        var marked = Mark(text, words, from, to, start, end, matcher);
        return (start > 0 ? Ellipsis : "") + marked + (end < text.Length ? Ellipsis : "");
    }

    /// <summary>The whole of <paramref name="text"/> with every matching word marked (titles).</summary>
    public static string MarkAll(string text, SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(query);
        var words = SearchQuery.Words(text).ToList();
        return Mark(text, words, 0, words.Count, 0, text.Length, new Matcher(query));
    }

    private static string Mark(string text, List<(int Start, int Length)> words, int from, int to, int start, int end, Matcher matcher)
    {
        var result = new StringBuilder(end - start + 16);
        var position = start;
        for (var i = from; i < to; i++)
        {
            var (wordStart, length) = words[i];
            if (!matcher.Matches(text.AsSpan(wordStart, length)))
            {
                continue;
            }
            result.Append(text, position, wordStart - position)
                .Append(MarkedText.Open).Append(text, wordStart, length).Append(MarkedText.Close);
            position = wordStart + length;
        }
        return result.Append(text, position, end - position).ToString();
    }

    private sealed class Matcher(SearchQuery query)
    {
        private static readonly CompareInfo Compare = CultureInfo.InvariantCulture.CompareInfo;
        private const CompareOptions Loose = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace | CompareOptions.IgnoreKanaType | CompareOptions.IgnoreWidth;

        public bool Matches(ReadOnlySpan<char> word)
        {
            for (var i = 0; i < query.Terms.Count; i++)
            {
                var term = query.Terms[i].AsSpan();
                if (Compare.Compare(word, term, Loose) == 0
                    || (query.LastIsPrefix && i == query.Terms.Count - 1 && Compare.IsPrefix(word, term, Loose)))
                {
                    return true;
                }
            }
            return false;
        }
    }
}
