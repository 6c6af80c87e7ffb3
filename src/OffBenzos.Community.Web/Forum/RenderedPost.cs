namespace OffBenzos.Community.Web.Forum;

/// <summary>The result of rendering one forum post written in Markdown.</summary>
/// <param name="Html">Sanitized HTML, safe to insert into a page as is.</param>
/// <param name="PlainText">The post's text without markup and with whitespace collapsed, for search and notifications.</param>
/// <param name="LinkCount">How many links (<c>a</c> elements) <paramref name="Html"/> contains.</param>
/// <param name="Mentions">Display names mentioned as <c>@Name</c> or <c>@[Name With Spaces]</c>: distinct, in order of appearance, at most 20.</param>
public sealed record RenderedPost(string Html, string PlainText, int LinkCount, IReadOnlyList<string> Mentions);
