using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using OffBenzos.Community.Tests.Infrastructure;

namespace OffBenzos.Community.Tests.Web;

public sealed partial class SecurityHeadersTests : IClassFixture<CommunityApp>
{
    private readonly CommunityApp _app;

    public SecurityHeadersTests(CommunityApp app) => _app = app;

    [Theory]
    [InlineData("/")]
    [InlineData("/crisis")]
    [InlineData("/Identity/Account/Login")]
    [InlineData("/healthz")]
    public async Task Every_response_has_a_strict_policy_with_a_fresh_nonce(string url)
    {
        var first = await _app.CreateBrowser().GetAsync(url);
        var second = await _app.CreateBrowser().GetAsync(url);

        var csp = first.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("http", csp, StringComparison.Ordinal);
        Assert.NotEqual(Nonce().Match(csp).Value, Nonce().Match(second.Headers.GetValues("Content-Security-Policy").Single()).Value);
        Assert.Equal("nosniff", first.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", first.Headers.GetValues("Referrer-Policy").Single());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/crisis")]
    [InlineData("/Identity/Account/Register")]
    [InlineData("/search?q=taper")]
    public async Task Pages_load_nothing_from_another_origin_and_run_no_script_without_the_nonce(string url)
    {
        var response = await _app.CreateBrowser().GetAsync(url);
        var page = await response.ParseAsync();
        var nonce = Nonce().Match(response.Headers.GetValues("Content-Security-Policy").Single()).Groups[1].Value;

        foreach (var element in page.QuerySelectorAll("[src], link[href]"))
        {
            var address = element.GetAttribute("src") ?? element.GetAttribute("href")!;
            Assert.True(address.StartsWith('/') && !address.StartsWith("//", StringComparison.Ordinal), $"{element.LocalName} loads {address}");
        }
        foreach (var script in page.QuerySelectorAll("script"))
        {
            Assert.Equal(nonce, script.GetAttribute("nonce"));
        }
        Assert.Empty(page.QuerySelectorAll("[style]"));
        Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Every_form_that_posts_carries_its_antiforgery_token()
    {
        var user = await _app.CreateUserAsync();
        var group = await _app.CreateGroupAsync();
        await _app.AddMemberAsync(group, user);
        var thread = await _app.CreateThreadAsync(group, user);
        var browser = await _app.SignedInBrowserAsync(user);

        foreach (var url in new[] { "/", "/groups", $"/groups/{group.Slug}", ForumFixtures.ThreadUrl(group, thread.Id) + "?page=1", "/Identity/Account/Manage", "/bookmarks", "/notifications" })
        {
            var page = await browser.GetPageAsync(url);
            foreach (var form in page.QuerySelectorAll("form[method=post]"))
            {
                Assert.True(form.QuerySelector("input[name=__RequestVerificationToken]") is not null, $"A form on {url} posting to {form.GetAttribute("action")} has no token.");
            }
        }
    }

    [Fact]
    public async Task Health_reports_the_database()
    {
        var response = await _app.CreateBrowser().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"Healthy","checks":{"database":"Healthy"}}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Outside_development_responses_carry_HSTS()
    {
        using var production = new ProductionApp();

        // HSTS is never sent to localhost, so this browser uses a real-looking host name.
        var browser = production.CreateClient(new() { BaseAddress = new Uri("https://community.example"), AllowAutoRedirect = false });
        var response = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_development_there_is_no_HSTS()
    {
        var response = await _app.CreateBrowser().GetAsync("/");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex Nonce();

    private sealed class ProductionApp : CommunityApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }
}
