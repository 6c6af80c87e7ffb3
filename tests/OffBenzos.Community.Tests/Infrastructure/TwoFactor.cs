using System.Net;
using Microsoft.AspNetCore.Identity;
using OffBenzos.Community.Web.Accounts;

namespace OffBenzos.Community.Tests.Infrastructure;

/// <summary>An authenticator app for tests: knows the key, shows the code for the app's clock.</summary>
public static class TwoFactor
{
    public static string CodeAt(string base32Key, DateTimeOffset time) =>
        Totp.Code(Base32.Decode(base32Key), Totp.TimeStepAt(time));

    /// <summary>Turns on two-factor sign-in for the user (as the set-up page would) and returns the key.</summary>
    public static Task<string> EnableTwoFactorAsync(this CommunityApp app, CommunityApp.TestUser user) =>
        app.WithUsersAsync(async users =>
        {
            var account = await users.FindByIdAsync(user.Id);
            await users.ResetAuthenticatorKeyAsync(account!);
            await users.SetTwoFactorEnabledAsync(account!, true);
            return (await users.GetAuthenticatorKeyAsync(account!))!;
        });

    /// <summary>Signs in with passphrase and a fresh authenticator code, moving the clock to the next step first.</summary>
    public static async Task<HttpClient> SignedInWithTwoFactorAsync(this CommunityApp app, CommunityApp.TestUser user, string key) =>
        (await app.SignInWithTwoFactorAsync(user, key)).Browser;

    /// <summary>As <see cref="SignedInWithTwoFactorAsync"/>, also returning the sign-in cookie (for the SignalR client).</summary>
    public static async Task<(HttpClient Browser, string Cookie)> SignInWithTwoFactorAsync(this CommunityApp app, CommunityApp.TestUser user, string key)
    {
        app.Clock.Advance(Totp.Step);
        var browser = app.CreateBrowser();
        var response = await browser.SubmitFormAsync("/Identity/Account/Login", new()
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = user.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/LoginWith2fa", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        response = await browser.SubmitFormAsync(response.Headers.Location!.OriginalString, new()
        {
            ["Input.TwoFactorCode"] = CodeAt(key, app.Clock.GetUtcNow()),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AccountsSetup.CookieName + "=", StringComparison.Ordinal));
        return (browser, cookie.Split(';')[0]);
    }
}
