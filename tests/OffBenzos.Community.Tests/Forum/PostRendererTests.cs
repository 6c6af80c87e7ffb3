using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using OffBenzos.Community.Web.Forum;
using Xunit;

namespace OffBenzos.Community.Tests.Forum;

public sealed class PostRendererTests
{
    private const string Rel = "rel=\"nofollow ugc noopener\"";

    private static readonly PostRenderer Renderer = new();

    private static readonly HashSet<string> AllowedElements = new(StringComparer.Ordinal)
    {
        "p", "br", "strong", "em", "del", "s", "blockquote", "ul", "ol", "li", "code", "pre", "a",
        "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr", "th", "td",
    };

    private static readonly string[] LinkSchemes = ["http", "https", "mailto"];

    private static readonly string[] RelTokens = ["nofollow", "noopener", "ugc"];

    private static readonly string[] ActiveElements =
    [
        "img", "script", "iframe", "svg", "math", "form", "input", "button", "style", "link", "meta", "base",
        "object", "embed", "template", "video", "audio", "source", "noscript", "xmp", "textarea", "select",
    ];

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    // ---- Hostile input ----

    public static TheoryData<string, string> HostileInputs => new()
    {
        // <script> in every form
        { "script tag", "<script>alert(1)</script>" },
        { "script tag with src, upper case", "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>" },
        { "script split by a nested script", "<scr<script>ipt>alert(1)</scr</script>ipt>" },
        { "script with newline before >", "<script\n>alert(1)</script\n>" },
        { "script after a stray <", "<<script>script>alert(1)<</script>/script>" },
        { "script hidden by a NUL", "<scr\0ipt>alert(1)</scr\0ipt>" },
        { "script breaking out of a code span", "`</code><script>alert(1)</script>`" },
        { "script breaking out of a code block", "```\n</code></pre><script>alert(1)</script>\n```" },
        { "script in a table cell", "| a |\n|---|\n| <script>alert(1)</script> |" },
        { "script in a heading", "# <script>alert(1)</script>" },
        // Event handlers
        { "img onerror", "<img src=x onerror=alert(1)>" },
        { "a onclick", "<a onclick=\"alert(1)\" href=\"https://example.com\">x</a>" },
        { "body onload", "<body onload=alert(1)>" },
        { "details ontoggle", "<details open ontoggle=alert(1)>" },
        { "video source onerror", "<video><source onerror=\"alert(1)\"></video><audio src=x onerror=alert(1)>" },
        // javascript:, data:, vbscript:, file: links
        { "markdown javascript link", "[click](javascript:alert(1))" },
        { "markdown javascript link, mixed case", "[click](JaVaScRiPt:alert(1))" },
        { "markdown javascript link, tab entity", "[click](jav&#x09;ascript:alert(1))" },
        { "markdown javascript link, newline entity", "[click](jav&#x0A;ascript:alert(1))" },
        { "markdown javascript link, decimal entity", "[click](&#106;avascript:alert(1))" },
        { "markdown javascript link, named colon entity", "[click](javascript&colon;alert(1))" },
        { "markdown javascript link, percent-encoded", "[click](%6Aavascript:alert(1))" },
        { "markdown javascript link, raw tab", "[click](<java\tscript:alert(1)>)" },
        { "markdown javascript link, control character", "[click](\u0001javascript:alert(1))" },
        { "markdown javascript link, zero-width space", "[click](java\u200Bscript:alert(1))" },
        { "markdown javascript link, leading spaces", "[click](   javascript:alert(1))" },
        { "markdown data link", "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)" },
        { "markdown vbscript link", "[click](VBScript:MsgBox(1))" },
        { "markdown file link", "[click](file:///etc/passwd)" },
        { "markdown relative and protocol-relative links", "[out](/Identity/Account/Logout) [away](//evil.example/x)" },
        { "autolink javascript", "<javascript:alert(1)>" },
        { "autolink javascript, upper case", "<JAVASCRIPT:alert(1)>" },
        { "autolink data", "<data:text/html,alert(1)>" },
        { "autolink with quotes", "<https://example.com/\"onmouseover=\"alert(1)>" },
        { "reference link javascript", "[click][evil]\n\n[evil]: javascript:alert(1)" },
        { "shortcut reference link data", "[evil]\n\n[evil]: data:text/html,hi \"title\"" },
        { "raw html javascript link", "<a href=\"javascript:alert(1)\">x</a>" },
        { "raw html javascript link, entity newline", "<a href=\"jav&#x0A;ascript:alert(1)\">x</a>" },
        // Images
        { "image with javascript url", "![x](javascript:alert(1))" },
        { "image with svg data url", "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)" },
        { "raw img tag", "<img src=\"https://example.com/x.png\">" },
        { "image inside a link", "[![x](https://example.com/x.png)](javascript:alert(1))" },
        // SVG and MathML
        { "svg onload", "<svg onload=alert(1)>" },
        { "svg script", "<svg><script>alert(1)</script></svg>" },
        { "math mglyph style mutation", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>" },
        // Style injection
        { "style tag", "<style>body{display:none}</style>" },
        { "style attribute", "<p style=\"position:fixed;top:0\">x</p>" },
        { "css javascript url", "<div style=\"background:url(javascript:alert(1))\">x</div>" },
        { "generic attribute style", "hello{style=\"color:red\"}" },
        { "generic attributes on a heading and a link", "# Title {style=\"x\" onclick=\"y\"}\n\n[x](https://example.com){onclick=\"alert(1)\"}" },
        // Forms, frames, plugins, document-level tags
        { "form and input", "<form action=\"https://evil.example\"><input name=x><button>go</button></form>" },
        { "iframe", "<iframe src=\"https://evil.example\"></iframe>" },
        { "object", "<object data=\"x.swf\"></object>" },
        { "embed", "<embed src=\"x.swf\">" },
        { "meta refresh", "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">" },
        { "base href", "<base href=\"https://evil.example/\">" },
        { "link stylesheet", "<link rel=stylesheet href=https://evil.example/x.css>" },
        { "template", "<template><script>alert(1)</script></template>" },
        { "target blank", "<a href=\"https://example.com\" target=\"_blank\">x</a>" },
        // Attribute injection through link titles and destinations
        { "event handler in a link title", "[x](https://a \"onmouseover=alert(1)\")" },
        { "quote breaking out of a link destination", "[x](https://a\" onmouseover=\"alert(1))" },
        { "script in a link destination", "[x](https://example.com/\"><script>alert(1)</script>)" },
        { "script in a mailto link", "[x](mailto:a@example.com?subject=<script>alert(1)</script>)" },
        // Comments, CDATA and mutation XSS
        { "html comment", "<!-- <script>alert(1)</script> -->" },
        { "comment closing inside an attribute", "<!--<img src=\"--><img src=x onerror=alert(1)//\">" },
        { "cdata", "<![CDATA[<script>alert(1)</script>]]>" },
        { "noscript mutation", "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">" },
        { "xmp mutation", "<xmp><p title=\"</xmp><img src=x onerror=alert(1)>\">" },
        // Unicode tricks
        { "bidi override", "\u202Eevil\u202C [link](https://example.com) \u2066x\u2069" },
        { "full-width script", "＜script＞alert(1)＜/script＞" },
        { "zero-width characters around a tag", "<\u200Bscript>alert(1)</script\u200D>" },
        // Nesting blow-ups
        { "10,000 nested quotes", new string('>', 10_000) + " x <script>alert(1)</script>" },
        { "10,000 open brackets", new string('[', 10_000) + "x](javascript:alert(1))" },
        { "5,000 nested emphasis markers", Repeat("*a ", 2_500) + "[x](javascript:alert(1))" + Repeat(" a*", 2_500) },
    };

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public void Hostile_input_renders_without_any_active_content(string label, string input)
    {
        var post = Renderer.Render(input);

        AssertNoActiveContent(label, post.Html);
        Assert.Equal(CountLinks(post.Html), post.LinkCount);
    }

    [Fact]
    public void The_hostile_corpus_has_at_least_forty_inputs()
    {
        Assert.True(HostileInputs.Count >= 40);
    }

    private static void AssertNoActiveContent(string label, string html)
    {
        var parser = new HtmlParser();

        // As a whole document: nothing may be hoisted into <head> either.
        using var document = parser.ParseDocument(html);
        Assert.True(document.Head is null || document.Head.ChildElementCount == 0, $"{label}: something landed in <head>: {html}");

        // As it is inserted into the page: inside a <div>.
        using var host = parser.ParseDocument("<!DOCTYPE html><html><body><div id=post></div></body></html>");
        var post = host.GetElementById("post")!;
        post.InnerHtml = html;

        foreach (var root in new[] { document.Body!, post })
        {
            foreach (var element in root.QuerySelectorAll("*"))
            {
                string name = element.LocalName;
                Assert.True(AllowedElements.Contains(name), $"{label}: <{name}> is not allowed: {html}");
                Assert.Equal(NamespaceNames.HtmlUri, element.NamespaceUri);

                foreach (var attribute in element.Attributes)
                {
                    string attributeName = attribute.Name.ToUpperInvariant();
                    Assert.False(attributeName.StartsWith("ON", StringComparison.Ordinal), $"{label}: event handler {attribute.Name}: {html}");
                    Assert.NotEqual("STYLE", attributeName);
                    Assert.NotEqual("SRC", attributeName);
                    Assert.NotEqual("SRCSET", attributeName);
                    Assert.NotEqual("TARGET", attributeName);
                    bool allowed = (name, attribute.Name) is ("a", "href" or "title" or "rel") or ("ol", "start");
                    Assert.True(allowed, $"{label}: attribute {attribute.Name} on <{name}>: {html}");
                }

                if (name == "a")
                {
                    string href = element.GetAttribute("href")!;
                    string scheme = href.Trim().ToUpperInvariant();
                    Assert.True(
                        scheme.StartsWith("HTTP://", StringComparison.Ordinal)
                            || scheme.StartsWith("HTTPS://", StringComparison.Ordinal)
                            || scheme.StartsWith("MAILTO:", StringComparison.Ordinal),
                        $"{label}: href {href}: {html}");
                    Assert.True(Uri.TryCreate(href, UriKind.Absolute, out var uri), $"{label}: href {href}");
                    Assert.Contains(uri.Scheme, LinkSchemes);

                    var rel = (element.GetAttribute("rel") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    Assert.Equal(RelTokens, rel.Order(StringComparer.Ordinal));
                }
            }

            foreach (string active in ActiveElements)
            {
                Assert.Empty(root.GetElementsByTagName(active));
            }
        }
    }

    private static int CountLinks(string html)
    {
        using var document = new HtmlParser().ParseDocument(html);
        return document.Body!.GetElementsByTagName("a").Length;
    }

    // ---- Ordinary Markdown ----

    [Fact]
    public void Paragraphs_are_separated_by_blank_lines_and_single_newlines_are_line_breaks()
    {
        var post = Renderer.Render("first line\nsecond line\n\nnext paragraph");

        Assert.Equal("<p>first line<br>\nsecond line</p>\n<p>next paragraph</p>", post.Html);
    }

    [Fact]
    public void Windows_line_ends_render_like_unix_ones()
    {
        Assert.Equal(Renderer.Render("a\nb\n\nc").Html, Renderer.Render("a\r\nb\r\n\r\nc").Html);
    }

    [Fact]
    public void Emphasis_strong_and_strikethrough_render_as_em_strong_and_del()
    {
        var post = Renderer.Render("*soft* **strong** ~~gone~~");

        Assert.Equal("<p><em>soft</em> <strong>strong</strong> <del>gone</del></p>", post.Html);
    }

    [Fact]
    public void Bullet_and_numbered_lists_render_and_a_numbered_list_keeps_its_start()
    {
        var post = Renderer.Render("- one\n- two\n\n3. three\n4. four");

        Assert.Equal(
            "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<ol start=\"3\">\n<li>three</li>\n<li>four</li>\n</ol>",
            post.Html);
    }

    [Fact]
    public void A_quoted_post_renders_as_a_block_quote()
    {
        var post = Renderer.Render("> Jo wrote:\n> day 12 of the taper\n\nSame here");

        Assert.Equal(
            "<blockquote>\n<p>Jo wrote:<br>\nday 12 of the taper</p>\n</blockquote>\n<p>Same here</p>",
            post.Html);
    }

    [Fact]
    public void Code_spans_show_angle_brackets_as_text()
    {
        var post = Renderer.Render("use `<b>` and `a < b`");

        Assert.Equal("<p>use <code>&lt;b&gt;</code> and <code>a &lt; b</code></p>", post.Html);
    }

    [Fact]
    public void Code_blocks_show_their_content_as_text_and_drop_the_language_class()
    {
        var post = Renderer.Render("```js\nif (a < b) { alert(1); }\n```");

        Assert.Equal("<pre><code>if (a &lt; b) { alert(1); }\n</code></pre>", post.Html);
    }

    [Fact]
    public void Headings_are_demoted_two_levels_so_a_post_never_has_an_h1_or_h2()
    {
        var post = Renderer.Render("# One\n## Two\n### Three\n#### Four\n###### Six\n\nSetext\n======");

        Assert.Equal(
            "<h3>One</h3>\n<h4>Two</h4>\n<h5>Three</h5>\n<h6>Four</h6>\n<h6>Six</h6>\n<h3>Setext</h3>",
            post.Html);
    }

    [Fact]
    public void An_external_image_becomes_a_link_labelled_with_its_alt_text_and_no_img()
    {
        var post = Renderer.Render("![our group](https://example.com/group.png \"Group photo\")");

        Assert.Equal(
            $"<p><a href=\"https://example.com/group.png\" title=\"Group photo\" {Rel}>our group</a></p>",
            post.Html);
        Assert.Equal(1, post.LinkCount);
    }

    [Fact]
    public void An_image_without_alt_text_becomes_a_link_labelled_with_its_url()
    {
        var post = Renderer.Render("![](https://example.com/a.png)");

        Assert.Equal($"<p><a href=\"https://example.com/a.png\" {Rel}>https://example.com/a.png</a></p>", post.Html);
    }

    [Fact]
    public void An_image_with_a_javascript_url_keeps_only_its_alt_text()
    {
        var post = Renderer.Render("before ![alt text](javascript:alert(1)) after");

        Assert.Equal("<p>before alt text after</p>", post.Html);
        Assert.Equal(0, post.LinkCount);
    }

    [Fact]
    public void A_linked_image_becomes_one_link_not_a_link_inside_a_link()
    {
        var post = Renderer.Render("[![badge](https://example.com/b.png)](https://example.com/)");

        Assert.Equal($"<p><a href=\"https://example.com/\" {Rel}>badge</a></p>", post.Html);
        Assert.Equal(1, post.LinkCount);
    }

    [Fact]
    public void A_link_gets_nofollow_ugc_noopener_and_keeps_its_title()
    {
        var post = Renderer.Render("[NHS](https://www.nhs.uk/medicines/diazepam/ \"Diazepam\")");

        Assert.Equal(
            $"<p><a href=\"https://www.nhs.uk/medicines/diazepam/\" title=\"Diazepam\" {Rel}>NHS</a></p>",
            post.Html);
    }

    [Fact]
    public void Bare_web_addresses_and_mailto_become_links_but_other_schemes_stay_text()
    {
        var post = Renderer.Render("www.example.com https://example.org/a?b=1&c=2 mailto:help@example.com ftp://example.net");

        Assert.Equal(
            $"<p><a href=\"http://www.example.com\" {Rel}>www.example.com</a> "
            + $"<a href=\"https://example.org/a?b=1&amp;c=2\" {Rel}>https://example.org/a?b=1&amp;c=2</a> "
            + $"<a href=\"mailto:help@example.com\" {Rel}>help@example.com</a> ftp://example.net</p>",
            post.Html);
        Assert.Equal(3, post.LinkCount);
    }

    [Fact]
    public void A_refused_link_keeps_its_text()
    {
        var post = Renderer.Render("[sign out](/Identity/Account/Logout) [run](JavaScript:alert(1)) <javascript:alert(1)>");

        Assert.Equal("<p>sign out run javascript:alert(1)</p>", post.Html);
        Assert.Equal(0, post.LinkCount);
    }

    [Fact]
    public void Raw_html_is_shown_as_text()
    {
        var post = Renderer.Render("<b>hi</b>\n\n<div onclick=\"x()\">block</div>");

        Assert.Equal("<p>&lt;b&gt;hi&lt;/b&gt;</p>\n<p>&lt;div onclick=\"x()\"&gt;block&lt;/div&gt;</p>", post.Html);
    }

    [Fact]
    public void Generic_attribute_syntax_stays_literal_text()
    {
        var post = Renderer.Render("# Hello {#top .big}\n\ntext{style=\"color:red\"}");

        Assert.Equal("<h3>Hello {#top .big}</h3>\n<p>text{style=\"color:red\"}</p>", post.Html);
    }

    [Fact]
    public void Pipe_tables_render_without_alignment_styles()
    {
        var post = Renderer.Render("| Day | Dose |\n|:--|--:|\n| 1 | 10mg |");

        Assert.Equal(
            "<table>\n<thead>\n<tr>\n<th>Day</th>\n<th>Dose</th>\n</tr>\n</thead>\n"
            + "<tbody>\n<tr>\n<td>1</td>\n<td>10mg</td>\n</tr>\n</tbody>\n</table>",
            post.Html);
    }

    [Fact]
    public void Task_list_syntax_stays_text_and_never_makes_a_checkbox()
    {
        var post = Renderer.Render("- [ ] taper\n- [x] sleep");

        Assert.Equal("<ul>\n<li>[ ] taper</li>\n<li>[x] sleep</li>\n</ul>", post.Html);
    }

    // ---- Link count and plain text ----

    [Fact]
    public void Link_count_counts_every_link_in_the_final_html_and_none_that_were_refused()
    {
        var post = Renderer.Render(
            "[a](https://a.example) [b](https://b.example) ![c](https://c.example/c.png) www.d.example "
            + "[e](javascript:alert(1)) [f](/relative) <https://g.example>");

        Assert.Equal(5, post.LinkCount);
    }

    [Fact]
    public void Eleven_links_are_counted_so_the_caller_can_refuse_them()
    {
        var post = Renderer.Render(string.Join(' ', Enumerable.Range(1, 11).Select(i => $"[{i}](https://example.com/{i})")));

        Assert.Equal(11, post.LinkCount);
    }

    [Fact]
    public void Plain_text_has_no_markup_and_collapsed_whitespace()
    {
        var post = Renderer.Render("# Day 3\n\nFeeling **much**   better.\n\n- slept\n- ate\n\n> quoted\n\n`a < b` [link](https://example.com)");

        Assert.Equal("Day 3 Feeling much better. slept ate quoted a < b link", post.PlainText);
    }

    [Fact]
    public void Plain_text_of_raw_html_is_the_html_source_as_text()
    {
        Assert.Equal("<script>alert(1)</script>", Renderer.Render("<script>alert(1)</script>").PlainText);
    }

    // ---- Mentions ----

    [Fact]
    public void Simple_mentions_are_found_in_order()
    {
        var post = Renderer.Render("Thanks @TaperingTom and @Mary-Jane, also @dr.who and @O'Brien");

        Assert.Equal(["TaperingTom", "Mary-Jane", "dr.who", "O'Brien"], post.Mentions);
    }

    [Fact]
    public void Bracketed_mentions_name_members_whose_names_have_spaces()
    {
        var post = Renderer.Render("Hugs to @[Ana María] and @[ Tom   田中 ]!");

        Assert.Equal(["Ana María", "Tom 田中"], post.Mentions);
    }

    [Fact]
    public void Mentions_in_any_script_are_found()
    {
        var post = Renderer.Render("@Ольга @प्रिया @김민준");

        Assert.Equal(["Ольга", "प्रिया", "김민준"], post.Mentions);
    }

    [Fact]
    public void Sentence_punctuation_after_a_mention_is_not_part_of_the_name()
    {
        var post = Renderer.Render("Well done @Tom. Ask @Jane's group, (@Sam) or @Kim!");

        Assert.Equal(["Tom", "Jane's", "Sam", "Kim"], post.Mentions);
    }

    [Fact]
    public void E_mail_addresses_and_paths_are_not_mentions()
    {
        var post = Renderer.Render("Write to help@offbenzos.org or a.b@c.com, see medium.com/@writer or @@twice");

        Assert.Empty(post.Mentions);
    }

    [Fact]
    public void Mentions_inside_code_are_ignored()
    {
        var post = Renderer.Render("`@admin` and\n\n```\n@root\n```\n\n    @indented");

        Assert.Empty(post.Mentions);
    }

    [Fact]
    public void Mentions_inside_link_text_or_urls_are_ignored()
    {
        var post = Renderer.Render("[@bob](https://x.example/@carol) https://x.example/@dave www.x.example/@erin <https://x.example/@fay>");

        Assert.Empty(post.Mentions);
    }

    [Fact]
    public void Each_name_is_reported_once_in_order_of_first_appearance_ignoring_case()
    {
        var post = Renderer.Render("@bob @Carol @BOB @carol @[bob] @dave");

        Assert.Equal(["bob", "Carol", "dave"], post.Mentions);
    }

    [Fact]
    public void At_most_twenty_mentions_are_reported()
    {
        var post = Renderer.Render(string.Join(' ', Enumerable.Range(1, 25).Select(i => $"@member{i}")));

        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"member{i}"), post.Mentions);
    }

    [Fact]
    public void Names_shorter_than_three_or_longer_than_thirty_characters_are_not_mentions()
    {
        string thirty = new('a', 30);
        string thirtyOne = new('b', 31);

        var post = Renderer.Render($"@ab @abc @{thirty} @{thirtyOne} @[xy] @[{thirtyOne}] @123");

        Assert.Equal(["abc", thirty], post.Mentions);
    }

    [Fact]
    public void Mentions_leave_the_html_unchanged()
    {
        var post = Renderer.Render("hi @bob and @[Jane Doe]");

        Assert.Equal("<p>hi @bob and @[Jane Doe]</p>", post.Html);
        Assert.Equal(["bob", "Jane Doe"], post.Mentions);
    }

    // ---- Input guards ----

    [Fact]
    public void Null_input_renders_as_an_empty_post()
    {
        var post = Renderer.Render(null!);

        Assert.Equal("", post.Html);
        Assert.Equal("", post.PlainText);
        Assert.Equal(0, post.LinkCount);
        Assert.Empty(post.Mentions);
    }

    [Fact]
    public void Blank_input_renders_as_an_empty_post()
    {
        Assert.Equal("", Renderer.Render(" \n\t\n ").Html);
    }

    [Fact]
    public void Nul_and_other_control_characters_are_removed_but_tabs_and_newlines_are_kept()
    {
        var post = Renderer.Render("a\0b\u0007c\u001Bd\u0085e\r\nf\tg");

        Assert.Equal("<p>abcde<br>\nf\tg</p>", post.Html);
    }

    [Fact]
    public void Bidi_override_and_isolate_controls_are_removed()
    {
        var post = Renderer.Render("a\u202Ab\u202Bc\u202Cd\u202De\u202Ef\u2066g\u2067h\u2068i\u2069j");

        Assert.Equal("<p>abcdefghij</p>", post.Html);
        Assert.Equal("abcdefghij", post.PlainText);
    }

    [Fact]
    public void Zero_width_joiners_in_emoji_and_other_zero_width_characters_are_kept()
    {
        const string family = "\U0001F469\u200D\U0001F469\u200D\U0001F467";

        var post = Renderer.Render($"{family} a\u200Bb \u200Fc");

        Assert.Equal($"<p>{family} a\u200Bb \u200Fc</p>", post.Html);
    }

    public static TheoryData<string, string> PathologicalInputs => new()
    {
        { "10,000 nested quotes", new string('>', 10_000) + " x" },
        { "5,000 spaced nested quotes", Repeat("> ", 5_000) + "x" },
        { "5,000 nested bullets", Repeat("- ", 5_000) + "x" },
        { "3,000 nested numbered items", Repeat("1. ", 3_000) + "x" },
        { "10,000 open brackets", new string('[', 10_000) },
        { "5,000 nested brackets", new string('[', 5_000) + "a" + new string(']', 5_000) },
        { "3,000 unfinished links", Repeat("[a](", 3_000) },
        { "3,000 unfinished images", Repeat("![a", 3_000) },
        { "5,000 emphasis markers each side", new string('*', 5_000) + "a" + new string('*', 5_000) },
        { "3,000 nested emphasis spans", Repeat("*a ", 3_000) + Repeat("a* ", 3_000) },
        { "5,000 alternating emphasis markers", Repeat("*_", 5_000) },
        { "10,000 backticks in a line", "x " + new string('`', 10_000) + " y" },
        { "backtick runs of growing length", string.Concat(Enumerable.Range(1, 190).Select(n => new string('`', n) + " ")) },
        { "10,000 at signs with brackets", Repeat("@[", 10_000) },
        { "20,000 at signs", new string('@', 20_000) },
        { "deeply indented lists", string.Concat(Enumerable.Range(0, 150).Select(n => new string(' ', n * 2) + "- x\n")) },
        { "5,000 less-than signs", Repeat("<a", 5_000) },
    };

    [Theory]
    [MemberData(nameof(PathologicalInputs))]
    public void Pathological_input_finishes_and_keeps_its_text(string label, string input)
    {
        var post = Renderer.Render(input);

        AssertNoActiveContent(label, post.Html);
        Assert.NotEmpty(post.PlainText);
    }

    [Fact]
    public void Too_deeply_nested_input_falls_back_to_escaped_plain_paragraphs()
    {
        var post = Renderer.Render(new string('>', 100) + " <b>x</b>\n\n@[Jane Doe] [y](https://example.com)");

        Assert.Equal(
            "<p>" + string.Concat(Enumerable.Repeat("&gt;", 100)) + " &lt;b&gt;x&lt;/b&gt;</p>\n"
            + "<p>@[Jane Doe] [y](https://example.com)</p>",
            post.Html);
        Assert.Equal(0, post.LinkCount);
        Assert.Equal(["Jane Doe"], post.Mentions);
    }

    [Fact]
    public void Moderately_nested_quotes_still_render_as_quotes()
    {
        var post = Renderer.Render(">>>>>>>> eight deep");

        Assert.Equal(8, CountOccurrences(post.Html, "<blockquote>"));
    }

    [Fact]
    public void Rendering_from_many_threads_at_once_gives_the_same_result()
    {
        const string source = "# Hi @bob\n\n> quote with [a link](https://example.com) and ![img](https://example.com/i.png)\n\n- a\n- b";
        var expected = Renderer.Render(source);

        var results = new RenderedPost[64];
        Parallel.For(0, results.Length, i => results[i] = Renderer.Render(source));

        Assert.All(results, result =>
        {
            Assert.Equal(expected.Html, result.Html);
            Assert.Equal(expected.PlainText, result.PlainText);
            Assert.Equal(expected.LinkCount, result.LinkCount);
            Assert.Equal(expected.Mentions, result.Mentions);
        });
    }

    private static int CountOccurrences(string text, string value)
    {
        int count = 0;
        for (int index = text.IndexOf(value, StringComparison.Ordinal); index >= 0; index = text.IndexOf(value, index + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
