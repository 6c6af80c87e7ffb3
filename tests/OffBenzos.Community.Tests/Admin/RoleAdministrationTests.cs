using System.Net;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Tests.Infrastructure;
using OffBenzos.Community.Web.Authorization;

namespace OffBenzos.Community.Tests.Admin;

public sealed class RoleAdministrationTests : IDisposable
{
    private readonly CommunityApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<HttpClient> AdminBrowserAsync(string name = "Rowan Hale")
    {
        var admin = await _app.CreateUserAsync(displayName: name, roles: SiteRoles.Admin);
        return await _app.SignedInWithTwoFactorAsync(admin, await _app.EnableTwoFactorAsync(admin));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_from_the_admin_page()
    {
        var response = await _app.CreateBrowser().GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/Identity/Account/Login?ReturnUrl=%2Fadmin", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_and_moderators_are_refused_the_admin_page()
    {
        var member = await _app.SignedInBrowserAsync(await _app.CreateUserAsync());
        var moderatorUser = await _app.CreateUserAsync(roles: SiteRoles.Moderator);
        var moderator = await _app.SignedInWithTwoFactorAsync(moderatorUser, await _app.EnableTwoFactorAsync(moderatorUser));

        foreach (var browser in new[] { member, moderator })
        {
            var response = await browser.GetAsync("/admin");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("https://localhost/Identity/Account/AccessDenied", response.Headers.Location?.ToString(), StringComparison.Ordinal);
            var refusedPost = await browser.PostAsync("/admin?handler=Role", new FormUrlEncodedContent([]));
            Assert.NotEqual(HttpStatusCode.OK, refusedPost.StatusCode);
        }
    }

    [Fact]
    public async Task The_admin_page_lists_members_by_display_name_and_never_shows_emails()
    {
        var member = await _app.CreateUserAsync(displayName: "Harbour Light");
        var admin = await AdminBrowserAsync();

        var page = await admin.GetPageAsync("/admin");

        Assert.Contains(page.QuerySelectorAll("tbody th"), th => th.TextContent.Trim() == "Harbour Light");
        Assert.DoesNotContain(member.Email, page.Source.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@example.org", page.Source.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Granting_moderator_is_recorded_with_who_and_why_and_takes_effect_on_the_next_request()
    {
        var target = await _app.CreateUserAsync(displayName: "Willow Brook");
        var targetBrowser = await _app.SignedInWithTwoFactorAsync(target, await _app.EnableTwoFactorAsync(target));
        Assert.Equal(HttpStatusCode.Forbidden, (await targetBrowser.GetAsync("/__test/policy/Moderator")).StatusCode);
        var admin = await AdminBrowserAsync();

        var page = await admin.GetPageAsync("/admin");
        var response = await admin.SubmitFormAsync(page, new()
        {
            ["Role"] = SiteRoles.Moderator,
            ["Grant"] = "true",
            ["Reason"] = "Trained volunteer for the night shift",
        }, formSelector: $"form[data-member='{target.Id}']");
        var after = await admin.FollowAsync(response);

        Assert.Contains("Moderator granted", after.TextOf("[role=status]"), StringComparison.Ordinal);
        Assert.Contains("Rowan Hale granted Moderator to Willow Brook. Reason: Trained volunteer for the night shift", after.TextOf(".history"), StringComparison.Ordinal);
        var change = await _app.WithDbAsync(db => db.RoleChanges.SingleAsync());
        Assert.Equal(target.Id, change.TargetUserId);
        Assert.True(change.Granted);
        // No clock change: the member's very next request sees the new role.
        Assert.Equal(HttpStatusCode.OK, (await targetBrowser.GetAsync("/__test/policy/Moderator")).StatusCode);
    }

    [Fact]
    public async Task Revoking_takes_effect_at_once_and_a_reason_is_required()
    {
        var target = await _app.CreateUserAsync(displayName: "Cedar Path", roles: SiteRoles.Coach);
        var targetBrowser = await _app.SignedInBrowserAsync(target);
        Assert.Equal(HttpStatusCode.OK, (await targetBrowser.GetAsync("/__test/policy/Coach")).StatusCode);
        var admin = await AdminBrowserAsync();
        var form = $"form[data-member='{target.Id}']";

        var noReason = await admin.SubmitFormAsync("/admin", new() { ["Role"] = SiteRoles.Coach, ["Grant"] = "false", ["Reason"] = "  " }, form);
        Assert.Contains("Please give a reason", (await admin.FollowAsync(noReason)).TextOf("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await targetBrowser.GetAsync("/__test/policy/Coach")).StatusCode);

        await admin.SubmitFormAsync("/admin", new() { ["Role"] = SiteRoles.Coach, ["Grant"] = "false", ["Reason"] = "Stepped back from hosting" }, form);

        Assert.Equal(HttpStatusCode.Forbidden, (await targetBrowser.GetAsync("/__test/policy/Coach")).StatusCode);
        Assert.False(Assert.Single(await _app.WithDbAsync(db => db.RoleChanges.ToListAsync())).Granted);
    }

    [Fact]
    public async Task The_admin_role_itself_cannot_be_granted_from_the_page()
    {
        var target = await _app.CreateUserAsync();
        var admin = await AdminBrowserAsync();

        var response = await admin.SubmitFormAsync("/admin", new() { ["Role"] = SiteRoles.Admin, ["Grant"] = "true", ["Reason"] = "please" },
            $"form[data-member='{target.Id}']");

        Assert.Contains("Only the Coach and Moderator roles", (await admin.FollowAsync(response)).TextOf("[role=alert]"), StringComparison.Ordinal);
        Assert.Empty(await _app.WithDbAsync(db => db.RoleChanges.ToListAsync()));
    }

    [Fact]
    public async Task A_configured_admin_email_becomes_admin_when_confirmed()
    {
        _app.Settings["Community:AdminEmails:0"] = "founder@example.org";
        var browser = _app.CreateBrowser();
        await browser.SubmitFormAsync("/Identity/Account/Register", new()
        {
            ["Input.Email"] = "founder@example.org",
            ["Input.DisplayName"] = "Founding Keeper",
            ["Input.Password"] = "lighthouse at the end of winter",
            ["Input.ConfirmPassword"] = "lighthouse at the end of winter",
            ["Input.AgeConfirmed"] = "true",
            ["Input.HealthDataConsent"] = "true",
        });
        var founder = await _app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "founder@example.org"));
        Assert.False(await _app.WithUsersAsync(users => users.IsInRoleAsync(founder, SiteRoles.Admin)));

        var mail = Assert.Single(await _app.WaitForMessagesToAsync("founder@example.org"));
        await browser.GetPageAsync(mail.LinkTo("/Identity/Account/ConfirmEmail"));

        Assert.True(await _app.WithUsersAsync(users => users.IsInRoleAsync(founder, SiteRoles.Admin)));
    }
}
