using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using OffBenzos.Community.Tests.Infrastructure;

namespace OffBenzos.Community.Tests.Web;

/// <summary>
/// The README's `dotnet run` serves http://localhost:5000 and the compose stack http://localhost:8080:
/// forms must work there too (browsers accept the Secure sign-in cookie on localhost).
/// </summary>
public sealed class PlainHttpTests : IClassFixture<CommunityApp>
{
    private readonly CommunityApp _app;

    public PlainHttpTests(CommunityApp app) => _app = app;

    [Theory]
    [InlineData("/Identity/Account/Login")]
    [InlineData("/Identity/Account/Register")]
    [InlineData("/Identity/Account/ForgotPassword")]
    public async Task Form_pages_render_with_their_token_over_plain_http_on_localhost(string url)
    {
        var browser = _app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost:5000"), AllowAutoRedirect = false });

        var response = await browser.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.NotNull(page.QuerySelector("main form input[name=__RequestVerificationToken]"));
    }

    [Fact]
    public async Task Sign_in_over_plain_http_sets_the_host_prefixed_secure_cookie()
    {
        var user = await _app.CreateUserAsync();
        var browser = _app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost:5000"), AllowAutoRedirect = false });

        var response = await browser.SubmitFormAsync("/Identity/Account/Login", new() { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });

        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-OffBenzos=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }
}
