using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ganss.Xss;
using Markdig;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace OffBenzos.Community.Web.Forum;

/// <summary>
/// Turns a member's Markdown post into HTML that is safe to show to everyone, plus the plain text, link count and
/// @mentions the caller needs. Register as a singleton: the Markdig pipeline and the sanitizer are built once and
/// <see cref="Render"/> is thread-safe.
/// </summary>
/// <remarks>
/// <para>Defence in depth, in this order:</para>
/// <list type="number">
/// <item>The source is cleaned: C0/C1 controls (except tab and newline), lone surrogates and the bidi embedding,
/// override and isolate controls (U+202A–U+202E, U+2066–U+2069) are removed; line ends become LF.</item>
/// <item>Markdig parses CommonMark with strikethrough, pipe tables, bare-URL autolinks and soft-breaks-as-hard only.
/// Raw HTML is disabled (it shows as text) and there is no generic-attributes extension.</item>
/// <item>The syntax tree is rewritten: headings are demoted two levels (h1 becomes h3), images become links to the
/// image, and every link whose URL is not an absolute http, https or mailto URL is replaced by its text.</item>
/// <item>HtmlSanitizer applies a small tag and attribute allowlist to Markdig's output.</item>
/// <item>A final pass over the sanitized DOM keeps only the attributes each tag may carry, re-checks every href, and
/// gives every link <c>rel="nofollow ugc noopener"</c>.</item>
/// </list>
/// <para>Input nested deeper than 32 levels (10,000 <c>&gt;</c> in a row, thousands of
/// <c>[</c> or <c>*</c>) makes Markdig refuse it; such a post is shown as plain paragraphs of escaped text.</para>
/// </remarks>
public sealed class PostRenderer
{
    // The most mentions one post reports.
    private const int MaxMentions = 20;

    // Shortest and longest mentioned name, in text elements (as display names are counted).
    private const int MinMentionLength = 3;
    private const int MaxMentionLength = 30;

    // Deepest Markdown syntax tree Markdig may build; deeper posts are shown as plain text.
    private const int MaxNestingDepth = 32;

    private const string LinkRel = "nofollow ugc noopener";

    // "#" becomes h3, so a post can never carry a page-level heading.
    private const int HeadingDemotion = 2;
    private const int DeepestHeading = 6;

    // "@[" plus up to 30 text elements with some spaces around them; anything longer is not a mention.
    private const int MaxBracketedMentionChars = 96;

    private static readonly string[] AllowedTagNames =
    [
        "p", "br", "strong", "em", "del", "s", "blockquote", "ul", "ol", "li", "code", "pre", "a",
        "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr", "th", "td",
    ];

    private static readonly HashSet<string> AllowedTags = new(AllowedTagNames, StringComparer.Ordinal);

    // Elements that separate words in the plain text.
    private static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal)
    {
        "p", "br", "blockquote", "ul", "ol", "li", "pre", "h3", "h4", "h5", "h6", "hr",
        "table", "thead", "tbody", "tr", "th", "td",
    };

    private static readonly RenderedPost EmptyPost = new(string.Empty, string.Empty, 0, []);

    private readonly MarkdownPipeline _pipeline;
    private readonly HtmlSanitizer _sanitizer;

    public PostRenderer()
    {
        var builder = new MarkdownPipelineBuilder()
            .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
            .UsePipeTables()
            .UseAutoLinks()
            .UseSoftlineBreakAsHardlineBreak()
            .DisableHtml();
        builder.MaximumNestingDepth = MaxNestingDepth;
        _pipeline = builder.Build();

        // A blank slate: nothing is allowed unless listed here.
        var options = HtmlSanitizerOptions.Empty();
        foreach (string tag in AllowedTagNames)
        {
            options.AllowedTags.Add(tag);
        }

        options.AllowedAttributes.Add("href");
        options.AllowedAttributes.Add("title");
        options.AllowedAttributes.Add("start");
        options.UriAttributes.Add("href");
        options.AllowedSchemes.Add("http");
        options.AllowedSchemes.Add("https");
        options.AllowedSchemes.Add("mailto");
        _sanitizer = new HtmlSanitizer(options);
    }

    /// <summary>Renders one post. <see langword="null"/> or blank input gives an empty result.</summary>
    public RenderedPost Render(string markdown)
    {
        string source = Clean(markdown);
        if (string.IsNullOrWhiteSpace(source))
        {
            return EmptyPost;
        }

        // The text mentions are looked for in: the post's own words, without code and without link text or URLs.
        var mentionText = new StringBuilder(source.Length);
        string html;
        try
        {
            MarkdownDocument document = Markdown.Parse(source, _pipeline);
            RewriteBlocks(document, mentionText);
            html = ToHtml(document);
        }
        catch (ArgumentException)
        {
            // Markdig refuses trees deeper than MaxNestingDepth; nothing sensible is written that way.
            mentionText.Clear().Append(source);
            html = PlainParagraphs(source);
        }

        using IHtmlDocument dom = _sanitizer.SanitizeDom(html, string.Empty);
        IHtmlElement body = dom.Body ?? throw new InvalidOperationException("The sanitizer returned no body.");
        EnforceAllowlist(body);

        string safeHtml = body.ChildNodes.ToHtml(_sanitizer.OutputFormatter).TrimEnd();
        int linkCount = body.GetElementsByTagName("a").Length;
        return new RenderedPost(safeHtml, PlainText(body), linkCount, FindMentions(mentionText.ToString()));
    }

    /// <summary>
    /// Whether <paramref name="url"/> may be a link target: an absolute http or https URL with a host, or a mailto URL,
    /// with no whitespace or control characters anywhere. Relative and protocol-relative URLs are refused.
    /// </summary>
    private static bool IsAllowedUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return false;
        }

        foreach (char c in url)
        {
            if (c <= ' ' || c is >= '\u007F' and <= '\u00A0' || IsBidiControl(c))
            {
                return false;
            }
        }

        bool web = url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        bool mail = url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) && url.Length > "mailto:".Length;
        if (!(web || mail) || !Uri.TryCreate(url, UriKind.Absolute, out Uri? uri))
        {
            return false;
        }

        return web
            ? (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0
            : uri.Scheme == Uri.UriSchemeMailto;
    }

    // ---- Source cleaning ----

    private static string Clean(string? markdown)
    {
        if (string.IsNullOrEmpty(markdown))
        {
            return string.Empty;
        }

        var clean = new StringBuilder(markdown.Length);
        for (int i = 0; i < markdown.Length; i++)
        {
            char c = markdown[i];
            if (c == '\r')
            {
                clean.Append('\n');
                if (i + 1 < markdown.Length && markdown[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (c is '\n' or '\t')
            {
                clean.Append(c);
            }
            else if (c < ' ' || c is >= '\u007F' and <= '\u009F' || IsBidiControl(c))
            {
                // Dropped: controls can't be typed on purpose, and bidi controls could reorder the page around the post.
            }
            else if (char.IsHighSurrogate(c) && i + 1 < markdown.Length && char.IsLowSurrogate(markdown[i + 1]))
            {
                clean.Append(c).Append(markdown[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                clean.Append('\uFFFD');
            }
            else
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    // Embeddings and overrides (LRE, RLE, PDF, LRO, RLO) and isolates (LRI, RLI, FSI, PDI). The marks U+200E/U+200F
    // and the zero-width characters (U+200D joins emoji) stay: they cannot reorder text beyond themselves.
    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    // ---- Markdown syntax tree ----

    private static void RewriteBlocks(ContainerBlock container, StringBuilder mentionText)
    {
        foreach (Block block in container)
        {
            switch (block)
            {
                case ContainerBlock child:
                    RewriteBlocks(child, mentionText);
                    break;
                case LeafBlock leaf:
                    if (leaf is HeadingBlock heading)
                    {
                        heading.Level = Math.Min(heading.Level + HeadingDemotion, DeepestHeading);
                    }

                    if (leaf.Inline is { } inline)
                    {
                        RewriteInlines(inline, insideLink: false, mentionText);
                        mentionText.Append('\n');
                    }

                    break;
            }
        }
    }

    private static void RewriteInlines(ContainerInline container, bool insideLink, StringBuilder mentionText)
    {
        Inline? child = container.FirstChild;
        while (child is not null)
        {
            // Rewriting may replace or unwrap the child, so its sibling is taken first.
            Inline? next = child.NextSibling;
            switch (child)
            {
                case LinkInline link:
                    RewriteLink(link, insideLink, mentionText);
                    break;
                case AutolinkInline autolink:
                    mentionText.Append(' ');
                    string target = autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url;
                    if (insideLink || !IsAllowedUrl(target))
                    {
                        autolink.ReplaceBy(new LiteralInline(autolink.Url));
                    }

                    break;
                case CodeInline:
                    mentionText.Append(' ');
                    break;
                case LiteralInline literal:
                    if (!insideLink)
                    {
                        mentionText.Append(literal.Content.ToString());
                    }

                    break;
                case HtmlEntityInline entity:
                    if (!insideLink)
                    {
                        mentionText.Append(entity.Transcoded.ToString());
                    }

                    break;
                case LineBreakInline:
                    mentionText.Append('\n');
                    break;
                case HtmlInline raw:
                    // Not produced while HTML is disabled; if it ever is, it is shown as text.
                    raw.ReplaceBy(new LiteralInline(raw.Tag));
                    break;
                case ContainerInline inner:
                    RewriteInlines(inner, insideLink, mentionText);
                    break;
            }

            child = next;
        }
    }

    private static void RewriteLink(LinkInline link, bool insideLink, StringBuilder mentionText)
    {
        mentionText.Append(' ');

        // Link text first: an image inside a link ("[![alt](img)](url)") must not become a link inside a link.
        RewriteInlines(link, insideLink: true, mentionText);

        string? url = link.GetDynamicUrl?.Invoke() ?? link.Url;
        link.GetDynamicUrl = null;
        bool wasImage = link.IsImage;

        // Never an <img>: an image is a link to the picture, labelled with its alt text.
        link.IsImage = false;
        if (insideLink || !IsAllowedUrl(url))
        {
            Unwrap(link);
            return;
        }

        link.Url = url;
        if (wasImage && link.FirstChild is null)
        {
            link.AppendChild(new LiteralInline(url!));
        }
    }

    private static void Unwrap(ContainerInline container)
    {
        while (container.FirstChild is { } child)
        {
            child.Remove();
            container.InsertBefore(child);
        }

        container.Remove();
    }

    private string ToHtml(MarkdownDocument document)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    private static string PlainParagraphs(string source)
    {
        var html = new StringBuilder(source.Length + 64);
        foreach (string paragraph in source.Split(
            "\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            html.Append("<p>")
                .Append(WebUtility.HtmlEncode(paragraph).Replace("\n", "<br>\n", StringComparison.Ordinal))
                .Append("</p>\n");
        }

        return html.ToString();
    }

    // ---- Sanitized DOM ----

    private static void EnforceAllowlist(IElement body)
    {
        // A snapshot in document order; unwrapping a link moves its children up, and they are still visited.
        foreach (IElement element in body.QuerySelectorAll("*").ToList())
        {
            string tag = element.LocalName;
            if (!AllowedTags.Contains(tag))
            {
                element.Remove();
                continue;
            }

            switch (tag)
            {
                case "a":
                    if (!IsAllowedUrl(element.GetAttribute("href")))
                    {
                        UnwrapElement(element);
                        continue;
                    }

                    KeepAttributes(element, "href", "title");
                    element.SetAttribute("rel", LinkRel);
                    break;
                case "ol":
                    string? start = element.GetAttribute("start");
                    KeepAttributes(element, int.TryParse(start, NumberStyles.None, CultureInfo.InvariantCulture, out _)
                        ? "start"
                        : null);
                    break;
                default:
                    KeepAttributes(element);
                    break;
            }
        }
    }

    private static void KeepAttributes(IElement element, params string?[] kept)
    {
        foreach (string name in element.Attributes.Select(attribute => attribute.Name).ToList())
        {
            if (Array.IndexOf(kept, name) < 0)
            {
                element.RemoveAttribute(name);
            }
        }
    }

    private static void UnwrapElement(IElement element)
    {
        INode? parent = element.Parent;
        if (parent is not null)
        {
            while (element.FirstChild is { } child)
            {
                parent.InsertBefore(child, element);
            }
        }

        element.Remove();
    }

    private static string PlainText(IElement body)
    {
        var text = new StringBuilder();
        AppendText(body, text);

        var collapsed = new StringBuilder(text.Length);
        bool pendingSpace = false;
        foreach (ReadOnlyMemory<char> chunk in text.GetChunks())
        {
            foreach (char c in chunk.Span)
            {
                if (char.IsWhiteSpace(c))
                {
                    pendingSpace = collapsed.Length > 0;
                    continue;
                }

                if (pendingSpace)
                {
                    collapsed.Append(' ');
                    pendingSpace = false;
                }

                collapsed.Append(c);
            }
        }

        return collapsed.ToString();
    }

    private static void AppendText(INode node, StringBuilder text)
    {
        foreach (INode child in node.ChildNodes)
        {
            if (child is IText textNode)
            {
                text.Append(textNode.Data);
            }
            else if (child is IElement element)
            {
                bool block = BlockTags.Contains(element.LocalName);
                if (block)
                {
                    text.Append(' ');
                }

                AppendText(element, text);
                if (block)
                {
                    text.Append(' ');
                }
            }
        }
    }

    // ---- Mentions ----

    private static List<string> FindMentions(string text)
    {
        var mentions = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        int position = 0;
        while (mentions.Count < MaxMentions)
        {
            int at = text.IndexOf('@', position);
            if (at < 0)
            {
                break;
            }

            position = at + 1;
            if (!CanPrecedeMention(text, at))
            {
                continue;
            }

            string? name;
            if (at + 1 < text.Length && text[at + 1] == '[')
            {
                name = ReadBracketedName(text, at + 2, ref position);
            }
            else
            {
                name = ReadName(text, at + 1, ref position);
            }

            if (name is not null && seen.Add(name))
            {
                mentions.Add(name);
            }
        }

        return mentions;
    }

    // A mention starts a word: "a@b.com", "x.com/@bob" and "@@bob" are not mentions.
    private static bool CanPrecedeMention(string text, int at)
    {
        if (at == 0)
        {
            return true;
        }

        int start = at >= 2 && char.IsLowSurrogate(text[at - 1]) && char.IsHighSurrogate(text[at - 2]) ? at - 2 : at - 1;
        if (Rune.DecodeFromUtf16(text.AsSpan(start, at - start), out Rune previous, out _) != OperationStatus.Done)
        {
            return true;
        }

        return !IsNameRune(previous) && previous.Value is not ('@' or '/' or '\\');
    }

    // "@Name": a run of name characters. A trailing "." or "'" is punctuation ("thanks @Tom."), not part of the name.
    private static string? ReadName(string text, int start, ref int position)
    {
        int end = start;
        while (end < text.Length
            && Rune.DecodeFromUtf16(text.AsSpan(end), out Rune rune, out int used) == OperationStatus.Done
            && IsNameRune(rune))
        {
            end += used;
        }

        // The run holds no "@", so scanning resumes after it; the whole search stays linear.
        position = Math.Max(position, end);
        while (end > start && text[end - 1] is '.' or '\'')
        {
            end--;
        }

        return AcceptName(text[start..end]);
    }

    // "@[Jane Doe]": name characters and spaces up to the closing bracket, on one line.
    private static string? ReadBracketedName(string text, int start, ref int position)
    {
        int limit = Math.Min(text.Length, start + MaxBracketedMentionChars);
        var name = new StringBuilder();
        bool pendingSpace = false;
        int index = start;
        while (index < limit)
        {
            char c = text[index];
            if (c == ']')
            {
                position = index + 1;
                return AcceptName(name.ToString());
            }

            if (c is ' ' or '\t' or '\u00A0' or '\u3000')
            {
                pendingSpace = name.Length > 0;
                index++;
                continue;
            }

            if (Rune.DecodeFromUtf16(text.AsSpan(index), out Rune rune, out int used) != OperationStatus.Done
                || !IsNameRune(rune))
            {
                return null;
            }

            if (pendingSpace)
            {
                name.Append(' ');
                pendingSpace = false;
            }

            name.Append(text, index, used);
            index += used;
        }

        return null;
    }

    private static string? AcceptName(string candidate)
    {
        if (candidate.Length == 0)
        {
            return null;
        }

        string name = candidate.Normalize(NormalizationForm.FormC);
        int length = new StringInfo(name).LengthInTextElements;
        if (length is < MinMentionLength or > MaxMentionLength)
        {
            return null;
        }

        foreach (Rune rune in name.EnumerateRunes())
        {
            if (Rune.IsLetter(rune))
            {
                return name;
            }
        }

        return null;
    }

    private static bool IsNameRune(Rune rune)
    {
        if (rune.Value is '_' or '-' or '.' or '\'')
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark
                or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber => true,
            _ => false,
        };
    }
}
