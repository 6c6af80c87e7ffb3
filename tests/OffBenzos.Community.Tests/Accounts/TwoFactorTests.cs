using System.Net;
using OffBenzos.Community.Tests.Infrastructure;
using OffBenzos.Community.Web.Authorization;

namespace OffBenzos.Community.Tests.Accounts;

public sealed class TwoFactorTests : IDisposable
{
    private readonly CommunityApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_member_turns_on_an_authenticator_app_and_gets_recovery_codes()
    {
        var user = await _app.CreateUserAsync();
        var browser = await _app.SignedInBrowserAsync(user);

        var setup = await browser.GetPageAsync("/Identity/Account/Manage/EnableAuthenticator");
        var key = setup.TextOf("[data-testid=shared-key]").Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains("otpauth://totp/", setup.QuerySelector("a[href^='otpauth:']")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.DoesNotContain(user.Email, setup.Source.Text, StringComparison.OrdinalIgnoreCase);

        var wrong = await browser.SubmitFormAsync(setup, new() { ["Code"] = "000000" });
        Assert.Contains("didn't match", (await wrong.ParseAsync()).TextOf("[data-valmsg-for=Code]"), StringComparison.Ordinal);

        var done = await browser.SubmitFormAsync("/Identity/Account/Manage/EnableAuthenticator", new() { ["Code"] = TwoFactor.CodeAt(key, _app.Clock.GetUtcNow()) });
        var page = await done.ParseAsync();
        Assert.Equal("Two-factor sign-in is on", page.TextOf("main h2"));
        Assert.Equal(10, page.QuerySelectorAll(".codes li").Length);
        Assert.True(await _app.WithUsersAsync(async users => await users.GetTwoFactorEnabledAsync((await users.FindByIdAsync(user.Id))!)));
    }

    [Fact]
    public async Task Each_authenticator_code_signs_in_only_once()
    {
        var user = await _app.CreateUserAsync();
        var key = await _app.EnableTwoFactorAsync(user);
        await _app.SignedInWithTwoFactorAsync(user, key);
        var usedCode = TwoFactor.CodeAt(key, _app.Clock.GetUtcNow());

        // Someone who saw that code, and knows the passphrase, tries it again in the same 30 seconds.
        var other = _app.CreateBrowser();
        var step1 = await other.SubmitFormAsync("/Identity/Account/Login", new() { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });
        var replay = await other.SubmitFormAsync(step1.Headers.Location!.OriginalString, new() { ["Input.TwoFactorCode"] = usedCode });

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains("each one works once", (await replay.ParseAsync()).TextOf("[data-valmsg-for='Input.TwoFactorCode']"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/Identity/Account/Manage")).StatusCode);

        // The next code, from the next time step, works.
        _app.Clock.Advance(TimeSpan.FromSeconds(30));
        var fresh = await other.SubmitFormAsync(step1.Headers.Location!.OriginalString, new() { ["Input.TwoFactorCode"] = TwoFactor.CodeAt(key, _app.Clock.GetUtcNow()) });
        Assert.Equal("/", fresh.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var user = await _app.CreateUserAsync();
        await _app.EnableTwoFactorAsync(user);
        var code = await _app.WithUsersAsync(async users => (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByIdAsync(user.Id))!, 10))!.First());

        async Task<HttpResponseMessage> UseAsync()
        {
            var browser = _app.CreateBrowser();
            await browser.SubmitFormAsync("/Identity/Account/Login", new() { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });
            return await browser.SubmitFormAsync("/Identity/Account/LoginWithRecoveryCode", new() { ["RecoveryCode"] = code });
        }

        Assert.Equal("/", (await UseAsync()).Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await UseAsync()).StatusCode);
    }

    [Fact]
    public async Task Staff_pages_ask_an_admin_without_two_factor_to_set_it_up_first()
    {
        var admin = await _app.CreateUserAsync(roles: SiteRoles.Admin);
        var browser = await _app.SignedInBrowserAsync(admin);

        var refused = await browser.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/Identity/Account/Manage/TwoFactorAuthentication?required=staff", refused.Headers.Location?.OriginalString);
        var explained = await browser.GetPageAsync(refused.Headers.Location!.OriginalString);
        Assert.Contains("Staff pages need two-factor sign-in", explained.TextOf("[role=alert]"), StringComparison.Ordinal);

        var key = await _app.EnableTwoFactorAsync(admin);
        var withTwoFactor = await _app.SignedInWithTwoFactorAsync(admin, key);
        Assert.Equal(HttpStatusCode.OK, (await withTwoFactor.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task The_moderator_policy_needs_two_factor_but_the_coach_policy_does_not()
    {
        var moderator = await _app.CreateUserAsync(roles: SiteRoles.Moderator);
        var coach = await _app.CreateUserAsync(roles: SiteRoles.Coach);
        var moderatorBrowser = await _app.SignedInBrowserAsync(moderator);
        var coachBrowser = await _app.SignedInBrowserAsync(coach);

        var moderatorProbe = await moderatorBrowser.GetAsync("/__test/policy/Moderator");
        Assert.Equal(HttpStatusCode.Forbidden, moderatorProbe.StatusCode);
        Assert.Contains(StandingHandler.TwoFactorRequired, await moderatorProbe.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await coachBrowser.GetAsync("/__test/policy/Coach")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coachBrowser.GetAsync("/__test/policy/Moderator")).StatusCode);

        var key = await _app.EnableTwoFactorAsync(moderator);
        var signedIn = await _app.SignedInWithTwoFactorAsync(moderator, key);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/__test/policy/Moderator")).StatusCode);
    }
}
