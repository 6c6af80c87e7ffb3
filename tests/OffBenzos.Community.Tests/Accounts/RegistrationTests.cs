using AngleSharp.Dom;
using System.Net;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Tests.Infrastructure;
using OffBenzos.Community.Web.Accounts;

namespace OffBenzos.Community.Tests.Accounts;

public sealed class RegistrationTests : IDisposable
{
    private readonly CommunityApp _app = new();

    public void Dispose() => _app.Dispose();

    private static Dictionary<string, string> Form(string email, string displayName = "Lantern Walker", string password = "quiet harbour morning tea") => new()
    {
        ["Input.Email"] = email,
        ["Input.DisplayName"] = displayName,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = password,
        ["Input.Country"] = "GB",
        ["Input.AgeConfirmed"] = "true",
        ["Input.HealthDataConsent"] = "true",
    };

    [Fact]
    public async Task Registering_then_opening_the_emailed_link_confirms_the_account_and_allows_sign_in()
    {
        var browser = _app.CreateBrowser();

        var registered = await browser.SubmitFormAsync("/Identity/Account/Register", Form("lantern@example.org"));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal("/Identity/Account/RegisterConfirmation", registered.Headers.Location?.OriginalString);

        var mail = Assert.Single(await _app.WaitForMessagesToAsync("lantern@example.org"));
        Assert.Contains("Confirm your e-mail", mail.Subject, StringComparison.Ordinal);
        var confirmed = await browser.GetPageAsync(mail.LinkTo("/Identity/Account/ConfirmEmail"));
        Assert.Contains("your e-mail is confirmed", confirmed.TextOf("h1"), StringComparison.Ordinal);

        var signIn = await browser.SubmitFormAsync("/Identity/Account/Login", new()
        {
            ["Input.Email"] = "lantern@example.org",
            ["Input.Password"] = "quiet harbour morning tea",
        });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var home = await browser.FollowAsync(signIn);
        Assert.Equal("Welcome back, Lantern Walker", home.TextOf("h1"));

        var account = await _app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "lantern@example.org"));
        Assert.True(account.EmailConfirmed);
        Assert.Equal("GB", account.CountryCode);
        var consents = await _app.WithDbAsync(db => db.ConsentRecords.Where(c => c.UserId == account.Id).ToListAsync());
        Assert.Contains(consents, c => c.Kind == ConsentKinds.HealthData && c.Version == ConsentKinds.HealthDataVersion);
        Assert.Contains(consents, c => c.Kind == ConsentKinds.AgeOver18);
    }

    [Fact]
    public async Task An_unconfirmed_member_can_sign_in_and_read_but_is_not_yet_allowed_to_write()
    {
        var user = await _app.CreateUserAsync(confirmed: false);
        var browser = await _app.SignedInBrowserAsync(user);

        var probe = await browser.GetAsync("/__test/policy/ConfirmedMember");
        Assert.Equal(HttpStatusCode.Forbidden, probe.StatusCode);
        Assert.Contains("email-unconfirmed", await probe.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await _app.WithUsersAsync(async users =>
        {
            var account = await users.FindByIdAsync(user.Id);
            return await users.ConfirmEmailAsync(account!, await users.GenerateEmailConfirmationTokenAsync(account!));
        });
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/__test/policy/ConfirmedMember")).StatusCode);
    }

    [Fact]
    public async Task Registering_an_address_that_has_an_account_looks_the_same_and_tells_the_owner()
    {
        var existing = await _app.CreateUserAsync();
        var browser = _app.CreateBrowser();

        var response = await browser.SubmitFormAsync("/Identity/Account/Register", Form(existing.Email, "Someone Else"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Identity/Account/RegisterConfirmation", response.Headers.Location?.OriginalString);
        var mail = Assert.Single(await _app.WaitForMessagesToAsync(existing.Email));
        Assert.Equal("Someone tried to register with your e-mail", mail.Subject);
        Assert.Equal(1, await _app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == existing.Email)));
        Assert.False(await _app.WithDbAsync(db => db.Users.AnyAsync(u => u.DisplayName == "Someone Else")));
    }

    [Fact]
    public async Task Missing_age_and_consent_are_refused_with_clear_messages_and_nothing_is_created()
    {
        var browser = _app.CreateBrowser();
        var form = Form("young@example.org");
        form.Remove("Input.AgeConfirmed");
        form.Remove("Input.HealthDataConsent");

        var response = await browser.SubmitFormAsync("/Identity/Account/Register", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        var errors = page.QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("confirm you are 18 or over", errors, StringComparison.Ordinal);
        Assert.Contains("We need your consent", errors, StringComparison.Ordinal);
        Assert.Equal("young@example.org", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Email")!.Value);
        Assert.False(await _app.WithDbAsync(db => db.Users.AnyAsync()));
        Assert.Empty(_app.MessagesTo("young@example.org"));
    }

    [Theory]
    [InlineData("too short", "at least 12 characters")]
    [InlineData("passwordpassword", "one of the most common")]
    [InlineData("1qaz2wsx3edc", "one of the most common")]
    [InlineData("123456789012", "one of the most common")]
    public async Task Weak_passphrases_are_refused_with_a_reason(string password, string expected)
    {
        var browser = _app.CreateBrowser();

        var response = await browser.SubmitFormAsync("/Identity/Account/Register", Form("weak@example.org", password: password));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains(expected, page.TextOf("[data-valmsg-for='Input.Password']"), StringComparison.Ordinal);
        Assert.False(await _app.WithDbAsync(db => db.Users.AnyAsync()));
    }

    [Fact]
    public async Task A_long_passphrase_of_128_characters_with_no_digits_or_symbols_is_accepted()
    {
        var password = string.Concat(Enumerable.Repeat("my grandmother's kitchen smelled of cardamom and rain on sleepless nights ", 2))[..128];
        Assert.Equal(128, password.Length);

        var response = await _app.CreateBrowser().SubmitFormAsync("/Identity/Account/Register", Form("long@example.org", password: password));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await _app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "long@example.org")));
    }

    [Fact]
    public async Task A_display_name_that_looks_like_an_existing_one_is_refused()
    {
        await _app.CreateUserAsync(displayName: "Jane Doe");
        var browser = _app.CreateBrowser();

        // Full-width letters and an underscore: reads the same as "Jane Doe".
        var response = await browser.SubmitFormAsync("/Identity/Account/Register", Form("jane2@example.org", "\uFF2A\uFF41\uFF4E\uFF45_Doe"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("is taken", page.TextOf("[data-valmsg-for='Input.DisplayName']"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("m0derat0r")]
    [InlineData("M\u043Ederator")]
    [InlineData("\uFF21\uFF24\uFF2D\uFF29\uFF2E")]
    [InlineData("OffBenzos Team")]
    public async Task A_display_name_that_imitates_staff_is_refused_at_registration(string name)
    {
        var response = await _app.CreateBrowser().SubmitFormAsync("/Identity/Account/Register", Form("imitator@example.org", name));

        var page = await response.ParseAsync();
        Assert.Equal(DisplayNames.ReservedMessage, page.TextOf("[data-valmsg-for='Input.DisplayName']"));
        Assert.False(await _app.WithDbAsync(db => db.Users.AnyAsync()));
    }

    [Fact]
    public async Task A_display_name_with_invisible_characters_is_refused_at_registration()
    {
        var response = await _app.CreateBrowser().SubmitFormAsync("/Identity/Account/Register", Form("bidi@example.org", "Sam\u202Eeno"));

        var page = await response.ParseAsync();
        Assert.Equal(DisplayNames.InvisibleCharactersMessage, page.TextOf("[data-valmsg-for='Input.DisplayName']"));
    }
}
