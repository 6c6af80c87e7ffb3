using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace OffBenzos.Community.Web.Search;

/// <summary>
/// Text with matched words between two private-use characters, as the database's highlighter (or
/// <see cref="SnippetBuilder"/>) returns it. The text is a member's and never trusted as HTML: it is
/// encoded, and only the markers become <c>&lt;mark&gt;</c> elements.
/// </summary>
public static class MarkedText
{
    /// <summary>U+E000: private use, so no keyboard or markup produces it by accident.</summary>
    public const char Open = '\uE000';

    /// <summary>U+E001.</summary>
    public const char Close = '\uE001';

    /// <summary>
    /// Encodes <paramref name="marked"/> and turns its markers into <c>&lt;mark&gt;</c>. Markers are
    /// honoured only in open-close order, so a member who types U+E000 or U+E001 into a post can at
    /// most lose those characters, never unbalance the page's elements.
    /// </summary>
    public static HtmlString ToHtml(string? marked)
    {
        if (string.IsNullOrEmpty(marked))
        {
            return HtmlString.Empty;
        }
        var html = new StringBuilder(marked.Length + 32);
        var open = false;
        var runStart = 0;
        for (var i = 0; i <= marked.Length; i++)
        {
            var c = i < marked.Length ? marked[i] : '\0';
            if (i < marked.Length && c is not (Open or Close))
            {
                continue;
            }
            html.Append(HtmlEncoder.Default.Encode(marked[runStart..i]));
            runStart = i + 1;
            if (c == Open && !open)
            {
                html.Append("<mark>");
                open = true;
            }
            else if ((c == Close || i == marked.Length) && open)
            {
                html.Append("</mark>");
                open = false;
            }
        }
        return new HtmlString(html.ToString());
    }
}
