using System.Net;
using AngleSharp.Dom;
using OffBenzos.Community.Tests.Infrastructure;

namespace OffBenzos.Community.Tests.Crisis;

public sealed class CrisisBannerTests : IClassFixture<CommunityApp>
{
    private readonly CommunityApp _app;

    public CrisisBannerTests(CommunityApp app) => _app = app;

    private async Task<IDocument> PageAsync(string url, string? acceptLanguage, HttpClient? browser = null)
    {
        browser ??= _app.CreateBrowser();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }
        var response = await browser.SendAsync(request);
        return await response.ParseAsync();
    }

    private static string Banner(IDocument page) =>
        page.QuerySelector("aside.crisis-banner")?.TextContent ?? throw new InvalidOperationException("No crisis banner on " + page.Url);

    [Theory]
    [InlineData("en-US,en;q=0.8", "988", "911")]
    [InlineData("es-US", "988", "911")]
    [InlineData("fr-CA", "9-8-8", "911")]
    [InlineData("en-GB,en;q=0.9", "116 123", "999 or 112")]
    [InlineData("ga-IE", "116 123", "112 or 999")]
    [InlineData("en-AU", "13 11 14", "000 (112 from mobiles)")]
    [InlineData("en-NZ", "1737", "111")]
    public async Task The_banner_shows_the_lines_and_emergency_number_of_the_browsers_region(string language, string line, string emergency)
    {
        var page = await PageAsync("/", language);

        var banner = Banner(page);
        Assert.Contains("Need help now?", banner, StringComparison.Ordinal);
        Assert.Contains(line, banner, StringComparison.Ordinal);
        Assert.Contains("Emergency: " + emergency, banner, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("aside.crisis-banner a[href='/crisis']"));
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("en-IE")]
    [InlineData("en-AU")]
    [InlineData("de-DE")]
    [InlineData("en")]
    [InlineData(null)]
    public async Task Nine_one_one_appears_only_for_the_United_States_and_Canada(string? language)
    {
        var page = await PageAsync("/crisis", language);

        Assert.DoesNotContain("911", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("a[href='tel:911']"));
    }

    [Theory]
    [InlineData("en")]
    [InlineData(null)]
    [InlineData("ja-JP")]
    public async Task An_unknown_country_gets_the_international_directory_and_local_emergency_advice(string? language)
    {
        var page = await PageAsync("/", language);

        var banner = Banner(page);
        Assert.Contains("Call your local emergency number", banner, StringComparison.Ordinal);
        var crisis = await PageAsync("/crisis", language);
        Assert.NotNull(crisis.QuerySelector("a[href='https://findahelpline.com']"));
    }

    [Fact]
    public async Task A_country_without_listed_lines_in_the_EU_is_told_112()
    {
        var banner = Banner(await PageAsync("/", "de-DE"));

        Assert.Contains("Emergency: 112", banner, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_profile_country_wins_over_the_browser_language()
    {
        var user = await _app.CreateUserAsync(country: "AU");
        var browser = await _app.SignedInBrowserAsync(user);

        var banner = Banner(await PageAsync("/", "en-US", browser));

        Assert.Contains("13 11 14", banner, StringComparison.Ordinal);
        Assert.DoesNotContain("911", banner, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_crisis_page_lists_every_line_as_tap_to_call_or_text_with_its_checked_date()
    {
        var page = await PageAsync("/crisis", "en-GB");

        Assert.NotNull(page.QuerySelector("a[href='tel:116123']"));
        Assert.NotNull(page.QuerySelector("a[href='sms:85258?body=SHOUT']"));
        Assert.NotNull(page.QuerySelector("a[href='tel:111']"));
        Assert.NotNull(page.QuerySelector("a[href='tel:999']"));
        Assert.Equal(3, page.QuerySelectorAll(".crisis-list > li").Length);
        Assert.All(page.QuerySelectorAll(".crisis-list .source"), s => Assert.Contains("Checked 27 November 2026", s.TextContent, StringComparison.Ordinal));
        Assert.Contains("Source: samaritans.org contact page", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_crisis_page_can_show_another_country_on_request()
    {
        var page = await PageAsync("/crisis?country=US", "en-GB");

        Assert.NotNull(page.QuerySelector("a[href='tel:988']"));
        Assert.NotNull(page.QuerySelector("a[href='tel:911']"));
        Assert.NotNull(page.QuerySelector("a[href='tel:+18002221222']"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/crisis")]
    [InlineData("/Identity/Account/Login")]
    [InlineData("/Identity/Account/Register")]
    [InlineData("/no-such-page")]
    public async Task Every_page_carries_the_banner_before_anything_else(string url)
    {
        var page = await PageAsync(url, "en-GB");

        var first = page.Body!.Children.Where(e => e.LocalName != "a").First();
        Assert.Equal("aside", first.LocalName);
        Assert.Contains("crisis-banner", first.ClassList);
        Assert.Contains("116 123", first.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_missing_page_says_so_with_a_404()
    {
        var response = await _app.CreateBrowser().GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", (await response.ParseAsync()).TextOf("h1"));
    }
}
