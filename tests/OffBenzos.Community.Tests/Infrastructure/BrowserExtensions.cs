using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace OffBenzos.Community.Tests.Infrastructure;

/// <summary>Reads pages and submits their forms the way a browser does, antiforgery token included.</summary>
public static class BrowserExtensions
{
    private static readonly IBrowsingContext Parser = BrowsingContext.New(Configuration.Default);

    public static async Task<IDocument> ParseAsync(this HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return await Parser.OpenAsync(request => request.Content(html).Address(response.RequestMessage?.RequestUri?.ToString() ?? "https://localhost/"));
    }

    public static async Task<IDocument> GetPageAsync(this HttpClient browser, string url)
    {
        var response = await browser.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode} {response.Headers.Location}");
        return await response.ParseAsync();
    }

    /// <summary>
    /// Opens <paramref name="url"/>, fills the form (the first that has a submit button, or the one matching
    /// <paramref name="formSelector"/>) with <paramref name="fields"/> on top of its own values, and posts it.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient browser, string url, Dictionary<string, string> fields, string? formSelector = null)
    {
        var page = await browser.GetPageAsync(url);
        return await browser.SubmitFormAsync(page, fields, formSelector);
    }

    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient browser, IDocument page, Dictionary<string, string> fields, string? formSelector = null)
    {
        var form = (formSelector is null
                ? page.QuerySelectorAll<IHtmlFormElement>("main form[method=post]").FirstOrDefault()
                : page.QuerySelector<IHtmlFormElement>(formSelector))
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}");
        return await browser.PostFormAsync(page, form, fields, form.GetAttribute("action"));
    }

    /// <summary>
    /// Opens <paramref name="url"/> and presses the submit button matching <paramref name="buttonSelector"/>
    /// as a browser does: the button's form (the one its <c>form</c> attribute names, or the one around it)
    /// goes to the button's <c>formaction</c> when it has one, with the button's own name and value.
    /// </summary>
    public static async Task<HttpResponseMessage> PressAsync(this HttpClient browser, string url, string buttonSelector)
    {
        var page = await browser.GetPageAsync(url);
        var button = page.QuerySelector<IHtmlButtonElement>(buttonSelector)
            ?? throw new InvalidOperationException($"No button '{buttonSelector}' on {page.Url}");
        var form = (button.GetAttribute("form") is { } owner ? page.GetElementById(owner) : button.Closest("form")) as IHtmlFormElement
            ?? throw new InvalidOperationException($"The button '{buttonSelector}' on {page.Url} has no form");
        Dictionary<string, string> pressed = string.IsNullOrEmpty(button.Name) ? [] : new() { [button.Name] = button.Value };
        return await browser.PostFormAsync(page, form, pressed, button.GetAttribute("formaction") ?? form.GetAttribute("action"));
    }

    private static async Task<HttpResponseMessage> PostFormAsync(this HttpClient browser, IDocument page, IHtmlFormElement form, Dictionary<string, string> fields, string? action)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[name]"))
        {
            if (input.Type is "checkbox" or "radio" && !input.IsChecked)
            {
                continue;
            }
            if (!fields.ContainsKey(input.Name!))
            {
                values.Add(new(input.Name!, input.Value));
            }
        }
        foreach (var textArea in form.QuerySelectorAll<IHtmlTextAreaElement>("textarea[name]"))
        {
            if (!fields.ContainsKey(textArea.Name!))
            {
                values.Add(new(textArea.Name!, textArea.Value));
            }
        }
        foreach (var select in form.QuerySelectorAll<IHtmlSelectElement>("select[name]"))
        {
            if (!fields.ContainsKey(select.Name!))
            {
                values.Add(new(select.Name!, select.Value ?? ""));
            }
        }
        values.AddRange(fields);
        var target = string.IsNullOrEmpty(action) ? page.Url : new Uri(new Uri(page.Url), action).ToString();
        return await browser.PostAsync(new Uri(target).PathAndQuery, new FormUrlEncodedContent(values));
    }

    /// <summary>Follows redirects from <paramref name="response"/> and returns the final page.</summary>
    public static async Task<IDocument> FollowAsync(this HttpClient browser, HttpResponseMessage response)
    {
        for (var hops = 0; response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther; hops++)
        {
            Assert.True(hops < 10, "Too many redirects");
            response = await browser.GetAsync(response.Headers.Location);
        }
        return await response.ParseAsync();
    }

    /// <summary>The trimmed text of the first element matching <paramref name="selector"/>; throws if none does.</summary>
    public static string TextOf(this IParentNode node, string selector) =>
        node.QuerySelector(selector)?.TextContent.Trim() ?? throw new InvalidOperationException($"Nothing matches '{selector}'");
}
