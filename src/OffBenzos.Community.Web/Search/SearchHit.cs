using Microsoft.AspNetCore.Html;

namespace OffBenzos.Community.Web.Search;

/// <summary>One post found by a search.</summary>
/// <param name="Title">The thread's title, encoded, with matched words in <c>&lt;mark&gt;</c>.</param>
/// <param name="Snippet">Part of the post's text, encoded, with matched words in <c>&lt;mark&gt;</c>.</param>
/// <param name="Rank">Higher is better; only comparable within one search.</param>
public sealed record SearchHit(
    int PostId,
    int ThreadId,
    string ThreadTitle,
    HtmlString Title,
    string GroupName,
    string GroupSlug,
    string Author,
    DateTimeOffset CreatedAt,
    HtmlString Snippet,
    double Rank);
