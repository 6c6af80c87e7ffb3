using System.Buffers.Binary;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OffBenzos.Community.Tests.Infrastructure;
using OffBenzos.Community.Web.Accounts;

namespace OffBenzos.Community.Tests.Accounts;

public sealed partial class SignInTests : IDisposable
{
    private readonly CommunityApp _app = new();

    public void Dispose() => _app.Dispose();

    private static Task<HttpResponseMessage> TrySignInAsync(HttpClient browser, string email, string password) =>
        browser.SubmitFormAsync("/Identity/Account/Login", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    [Fact]
    public async Task Five_wrong_passphrases_lock_the_account_even_against_the_right_one()
    {
        var user = await _app.CreateUserAsync();
        var browser = _app.CreateBrowser();

        for (var i = 0; i < 4; i++)
        {
            var wrong = await TrySignInAsync(browser, user.Email, "not my passphrase at all");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        Assert.Equal(4, await _app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.AccessFailedCount).SingleAsync()));

        var fifth = await TrySignInAsync(browser, user.Email, "not my passphrase at all");
        Assert.Equal("/Identity/Account/Lockout", fifth.Headers.Location?.OriginalString);

        var right = await TrySignInAsync(browser, user.Email, user.Password);
        Assert.Equal("/Identity/Account/Lockout", right.Headers.Location?.OriginalString);
        var lockoutEnd = await _app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LockoutEnd).SingleAsync());
        Assert.NotNull(lockoutEnd);
        Assert.True(lockoutEnd > _app.Clock.GetUtcNow().AddMinutes(14));

        // Identity reads the wall clock for lockouts, so the pause is ended by moving its end into the past.
        await _app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, DateTimeOffset.UtcNow.AddSeconds(-1))));
        var later = await TrySignInAsync(browser, user.Email, user.Password);
        Assert.Equal("/", later.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Unknown_and_known_addresses_get_the_same_answer_and_the_same_lockout()
    {
        var user = await _app.CreateUserAsync();
        var known = _app.CreateBrowser();
        var unknown = _app.CreateBrowser();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var a = await TrySignInAsync(known, user.Email, "wrong passphrase here");
            var b = await TrySignInAsync(unknown, "nobody-" + user.Email, "wrong passphrase here");
            Assert.Equal(a.StatusCode, b.StatusCode);
            Assert.Equal(a.Headers.Location, b.Headers.Location);
            if (a.StatusCode == HttpStatusCode.OK)
            {
                Assert.Equal(Normalise(await a.Content.ReadAsStringAsync(), user.Email),
                    Normalise(await b.Content.ReadAsStringAsync(), "nobody-" + user.Email));
            }
        }
        // Both are now paused, and say so in the same way, whatever is typed.
        Assert.Equal("/Identity/Account/Lockout", (await TrySignInAsync(known, user.Email, user.Password)).Headers.Location?.OriginalString);
        Assert.Equal("/Identity/Account/Lockout", (await TrySignInAsync(unknown, "nobody-" + user.Email, user.Password)).Headers.Location?.OriginalString);
    }

    /// <summary>The page without what differs by design: the typed address, the per-request nonce and antiforgery token.</summary>
    private static string Normalise(string html, string email) =>
        Tokens().Replace(html.Replace(email, "EMAIL", StringComparison.Ordinal), "TOKEN");

    [GeneratedRegex("(nonce-?[\"=]?[A-Za-z0-9+/=_-]+|value=\"CfDJ8[^\"]+\")")]
    private static partial Regex Tokens();

    [Fact]
    public async Task Forgot_passphrase_answers_the_same_for_unknown_addresses_and_only_real_accounts_get_mail()
    {
        var user = await _app.CreateUserAsync();

        var known = await _app.CreateBrowser().SubmitFormAsync("/Identity/Account/ForgotPassword", new() { ["Email"] = user.Email });
        var unknown = await _app.CreateBrowser().SubmitFormAsync("/Identity/Account/ForgotPassword", new() { ["Email"] = "ghost@example.org" });

        Assert.Equal(known.Headers.Location, unknown.Headers.Location);
        Assert.Equal("/Identity/Account/ForgotPasswordConfirmation", known.Headers.Location?.OriginalString);
        Assert.Single(await _app.WaitForMessagesToAsync(user.Email));
        Assert.Empty(_app.MessagesTo("ghost@example.org"));
    }

    [Fact]
    public async Task The_reset_link_sets_a_new_passphrase_and_the_old_one_stops_working()
    {
        var user = await _app.CreateUserAsync();
        var browser = _app.CreateBrowser();
        await browser.SubmitFormAsync("/Identity/Account/ForgotPassword", new() { ["Email"] = user.Email });
        var mail = Assert.Single(await _app.WaitForMessagesToAsync(user.Email));

        var reset = await browser.SubmitFormAsync(mail.LinkTo("/Identity/Account/ResetPassword"), new()
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = "new morning slow steps",
            ["Input.ConfirmPassword"] = "new morning slow steps",
        });
        Assert.Equal("/Identity/Account/ResetPasswordConfirmation", reset.Headers.Location?.OriginalString);

        Assert.Equal(HttpStatusCode.OK, (await TrySignInAsync(_app.CreateBrowser(), user.Email, user.Password)).StatusCode);
        Assert.Equal("/", (await TrySignInAsync(_app.CreateBrowser(), user.Email, "new morning slow steps")).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_reset_form_answers_the_same_for_an_address_without_an_account_as_for_one_with_a_wrong_link()
    {
        var user = await _app.CreateUserAsync();
        var browser = _app.CreateBrowser();
        await browser.SubmitFormAsync("/Identity/Account/ForgotPassword", new() { ["Email"] = user.Email });
        var link = Assert.Single(await _app.WaitForMessagesToAsync(user.Email)).LinkTo("/Identity/Account/ResetPassword");
        Dictionary<string, string> Fields(string email) => new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "new morning slow steps",
            ["Input.ConfirmPassword"] = "new morning slow steps",
        };

        // The link is the real account's; used with another real address, and with an address that has no account.
        var other = await _app.CreateUserAsync();
        var wrongAccount = await browser.SubmitFormAsync(link, Fields(other.Email));
        var noAccount = await browser.SubmitFormAsync(link, Fields("ghost@example.org"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (wrongAccount.StatusCode, noAccount.StatusCode));
        Assert.Equal((await wrongAccount.ParseAsync()).TextOf("main [role=alert]"), (await noAccount.ParseAsync()).TextOf("main [role=alert]"));
        Assert.Equal(HttpStatusCode.OK, (await TrySignInAsync(_app.CreateBrowser(), other.Email, "new morning slow steps")).StatusCode);
    }

    [Fact]
    public async Task A_hash_made_with_fewer_iterations_is_upgraded_at_sign_in()
    {
        var user = await _app.CreateUserAsync();
        var weakHasher = new PasswordHasher<CommunityUser>(Options.Create(new PasswordHasherOptions { IterationCount = 100_000 }));
        await _app.WithDbAsync(async db =>
        {
            var account = await db.Users.SingleAsync(u => u.Id == user.Id);
            account.PasswordHash = weakHasher.HashPassword(account, user.Password);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(100_000, await IterationsAsync(user.Id));

        await _app.SignedInBrowserAsync(user);

        Assert.Equal(210_000, await IterationsAsync(user.Id));
    }

    private async Task<int> IterationsAsync(string userId)
    {
        var hash = await _app.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.PasswordHash).SingleAsync());
        // Identity v3 format: 0x01, PRF (4 bytes), iteration count (4 bytes, big-endian), ...
        return (int)BinaryPrimitives.ReadUInt32BigEndian(Convert.FromBase64String(hash!).AsSpan(5, 4));
    }

    [Fact]
    public async Task The_sign_in_cookie_is_host_prefixed_secure_http_only_and_lax()
    {
        var user = await _app.CreateUserAsync();
        var response = await TrySignInAsync(_app.CreateBrowser(), user.Email, user.Password);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-OffBenzos=", StringComparison.Ordinal));
        var parts = cookie.Split(';', StringSplitOptions.TrimEntries).Select(p => p.ToLowerInvariant()).ToList();
        Assert.Contains("secure", parts);
        Assert.Contains("httponly", parts);
        Assert.Contains("samesite=lax", parts);
        Assert.Contains("path=/", parts);
        Assert.DoesNotContain(parts, p => p.StartsWith("domain=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_other_sessions_within_a_minute()
    {
        var user = await _app.CreateUserAsync();
        var phone = await _app.SignedInBrowserAsync(user);
        var laptop = await _app.SignedInBrowserAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/Identity/Account/Manage")).StatusCode);

        var response = await laptop.SubmitFormAsync("/Identity/Account/Manage/SignOutEverywhere", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        _app.Clock.Advance(TimeSpan.FromSeconds(31));

        var after = await phone.GetAsync("/Identity/Account/Manage");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("https://localhost/Identity/Account/Login", after.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_in_ends_after_thirty_days_however_active_the_member_is()
    {
        var user = await _app.CreateUserAsync();
        var browser = await _app.SignedInBrowserAsync(user);

        for (var day = 0; day < 3; day++)
        {
            _app.Clock.Advance(TimeSpan.FromDays(9));
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Identity/Account/Manage")).StatusCode);
        }
        _app.Clock.Advance(TimeSpan.FromDays(4));

        var after = await browser.GetAsync("/Identity/Account/Manage");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/Identity/Account/Login", after.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_out_needs_a_post_with_the_form_token()
    {
        var user = await _app.CreateUserAsync();
        var browser = await _app.SignedInBrowserAsync(user);

        var forged = await browser.PostAsync("/Identity/Account/Logout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Identity/Account/Manage")).StatusCode);

        await browser.SubmitFormAsync("/Identity/Account/Logout", []);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/Identity/Account/Manage")).StatusCode);
    }
}
