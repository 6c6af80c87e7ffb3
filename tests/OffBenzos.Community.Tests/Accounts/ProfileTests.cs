using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Tests.Infrastructure;

namespace OffBenzos.Community.Tests.Accounts;

public sealed class ProfileTests : IDisposable
{
    private readonly CommunityApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Saving_the_profile_changes_name_theme_country_and_time_zone_at_once()
    {
        var user = await _app.CreateUserAsync(displayName: "Morning Fern", country: "US");
        var browser = await _app.SignedInBrowserAsync(user);

        var saved = await browser.SubmitFormAsync("/Identity/Account/Manage", new()
        {
            ["Input.DisplayName"] = "Evening Fern",
            ["Input.Country"] = "IE",
            ["Input.TimeZone"] = "Europe/Dublin",
            ["Input.Theme"] = "Dark",
            ["Input.ChatSound"] = "true",
        });
        var page = await browser.FollowAsync(saved);

        Assert.Equal("Your profile is saved.", page.TextOf("[role=status]"));
        Assert.Equal("dark", page.DocumentElement.GetAttribute("data-theme"));
        Assert.Contains("Evening Fern", page.TextOf("nav[aria-label=Main]"), StringComparison.Ordinal);
        Assert.Contains("Pieta", (await browser.GetPageAsync("/crisis")).Body!.TextContent, StringComparison.Ordinal);
        var account = await _app.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == user.Id));
        Assert.Equal(("Evening Fern", "IE", "Europe/Dublin", true), (account.DisplayName, account.CountryCode, account.TimeZoneId, account.ChatSound));
    }

    [Fact]
    public async Task New_members_have_chat_sound_off_and_follow_the_system_theme()
    {
        var user = await _app.CreateUserAsync();
        var browser = await _app.SignedInBrowserAsync(user);

        var page = await browser.GetPageAsync("/Identity/Account/Manage");

        Assert.False(page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_ChatSound")!.IsChecked);
        Assert.Equal("system", page.DocumentElement.GetAttribute("data-theme"));
        Assert.True(page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='Input.Theme'][value=System]")!.IsChecked);
    }

    [Fact]
    public async Task A_taken_or_invalid_display_name_is_refused_and_the_old_one_kept()
    {
        await _app.CreateUserAsync(displayName: "River Stone");
        var user = await _app.CreateUserAsync(displayName: "Quiet Oak");
        var browser = await _app.SignedInBrowserAsync(user);

        var taken = await browser.SubmitFormAsync("/Identity/Account/Manage", new() { ["Input.DisplayName"] = "river.stone" });
        Assert.Contains("is taken", (await taken.ParseAsync()).TextOf("[data-valmsg-for='Input.DisplayName']"), StringComparison.Ordinal);

        var tooShort = await browser.SubmitFormAsync("/Identity/Account/Manage", new() { ["Input.DisplayName"] = "Oa" });
        Assert.Equal("Display names need 3 to 30 characters.", (await tooShort.ParseAsync()).TextOf("[data-valmsg-for='Input.DisplayName']"));

        Assert.Equal("Quiet Oak", await _app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.DisplayName).SingleAsync()));
    }

    [Fact]
    public async Task Changing_email_needs_the_link_sent_to_the_new_address_and_tells_the_old_one()
    {
        var user = await _app.CreateUserAsync();
        var browser = await _app.SignedInBrowserAsync(user);

        var asked = await browser.SubmitFormAsync("/Identity/Account/Manage/Email", new() { ["NewEmail"] = "new-home@example.org" }, "form[action*=Change]");
        Assert.Contains("sent a confirmation link", (await browser.FollowAsync(asked)).TextOf("[role=status]"), StringComparison.Ordinal);
        Assert.Equal(user.Email, await _app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.Email).SingleAsync()));

        var mail = Assert.Single(await _app.WaitForMessagesToAsync("new-home@example.org"));
        var confirmed = await browser.GetPageAsync(mail.LinkTo("/Identity/Account/ConfirmEmailChange"));
        Assert.Equal("Your e-mail address is changed", confirmed.TextOf("h1"));

        Assert.Single(await _app.WaitForMessagesToAsync(user.Email));
        var signIn = await _app.CreateBrowser().SubmitFormAsync("/Identity/Account/Login", new() { ["Input.Email"] = "new-home@example.org", ["Input.Password"] = user.Password });
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Changing_the_passphrase_needs_the_current_one()
    {
        var user = await _app.CreateUserAsync();
        var browser = await _app.SignedInBrowserAsync(user);
        var group = await _app.CreateGroupAsync();
        await _app.AddMemberAsync(group, user);
        await using var otherDevice = await ChatTestClient.ConnectAsync(_app, (await _app.SignInAsync(user)).Cookie);
        Assert.True((await otherDevice.JoinAsync(await _app.RoomOfAsync(group))).Ok);

        var wrong = await browser.SubmitFormAsync("/Identity/Account/Manage/ChangePassword", new()
        {
            ["Input.OldPassword"] = "not the current one",
            ["Input.NewPassword"] = "a brand new winter coat",
            ["Input.ConfirmPassword"] = "a brand new winter coat",
        });
        Assert.Equal("That isn't your current passphrase.", (await wrong.ParseAsync()).TextOf("[data-valmsg-for='Input.OldPassword']"));

        var right = await browser.SubmitFormAsync("/Identity/Account/Manage/ChangePassword", new()
        {
            ["Input.OldPassword"] = user.Password,
            ["Input.NewPassword"] = "a brand new winter coat",
            ["Input.ConfirmPassword"] = "a brand new winter coat",
        });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Identity/Account/Manage")).StatusCode);
        // Whoever else had the account open (a lost phone, someone who knew the old passphrase) is out of the live chat at once.
        Assert.Equal("session ended", await ChatTestClient.NextAsync(otherDevice.Closed));
        var signIn = await _app.CreateBrowser().SubmitFormAsync("/Identity/Account/Login", new() { ["Input.Email"] = user.Email, ["Input.Password"] = "a brand new winter coat" });
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Account_pages_need_sign_in()
    {
        foreach (var url in new[] { "/Identity/Account/Manage", "/Identity/Account/Manage/Email", "/Identity/Account/Manage/ChangePassword", "/Identity/Account/Manage/TwoFactorAuthentication", "/Identity/Account/Manage/EnableAuthenticator", "/Identity/Account/Manage/SignOutEverywhere" })
        {
            var response = await _app.CreateBrowser().GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Identity/Account/Login", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        }
    }
}
