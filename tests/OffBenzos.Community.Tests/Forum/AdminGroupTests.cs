using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Tests.Infrastructure;
using OffBenzos.Community.Web.Authorization;
using OffBenzos.Community.Web.Groups;

namespace OffBenzos.Community.Tests.Forum;

public sealed class AdminGroupTests : IDisposable
{
    private readonly CommunityApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<HttpClient> AdminAsync()
    {
        var admin = await _app.CreateUserAsync(roles: SiteRoles.Admin);
        return await _app.SignedInWithTwoFactorAsync(admin, await _app.EnableTwoFactorAsync(admin));
    }

    [Fact]
    public async Task An_admin_creates_a_group_and_then_edits_it()
    {
        var admin = await AdminAsync();

        await admin.SubmitFormAsync("/admin/groups", new()
        {
            ["Name"] = "Benzos and work",
            ["Slug"] = "benzos-and-work",
            ["Description"] = "Tapering while holding down a job.",
            ["Rules"] = "Be kind.",
            ["Visibility"] = "MembersOnly",
            ["JoinPolicy"] = "Approval",
        }, "main form[method=post]");
        var group = await _app.WithDbAsync(db => db.Groups.SingleAsync(g => g.Slug == "benzos-and-work"));
        Assert.Equal((GroupVisibility.MembersOnly, GroupJoinPolicy.Approval), (group.Visibility, group.JoinPolicy));

        await admin.SubmitFormAsync($"/admin/groups?id={group.Id}", new() { ["Name"] = "Benzos and working life" }, "main form[method=post]");
        var edited = await _app.WithDbAsync(db => db.Groups.SingleAsync(g => g.Id == group.Id));
        Assert.Equal(("Benzos and working life", "benzos-and-work"), (edited.Name, edited.Slug));
    }

    [Fact]
    public async Task A_bad_or_taken_address_is_refused_with_a_reason_and_the_form_kept()
    {
        var existing = await _app.CreateGroupAsync();
        var admin = await AdminAsync();

        var bad = await (await admin.SubmitFormAsync("/admin/groups", new() { ["Name"] = "X group", ["Slug"] = "Bad Slug!", ["Description"] = "d" }, "main form[method=post]")).ParseAsync();
        Assert.Contains("lower-case letters, digits and single hyphens", bad.TextOf("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal("X group", bad.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Name")!.Value);

        var taken = await (await admin.SubmitFormAsync("/admin/groups", new() { ["Name"] = "Y group", ["Slug"] = existing.Slug, ["Description"] = "d" }, "main form[method=post]")).ParseAsync();
        Assert.Contains("already has this address", taken.TextOf("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal(1, await _app.WithDbAsync(db => db.Groups.CountAsync()));
    }

    [Fact]
    public async Task Empty_fields_get_their_messages_rather_than_an_error_page()
    {
        var admin = await AdminAsync();

        var emptyGroup = await admin.SubmitFormAsync("/admin/groups", new() { ["Name"] = "", ["Slug"] = "", ["Description"] = "" }, "main form[method=post]");
        Assert.Equal(System.Net.HttpStatusCode.OK, emptyGroup.StatusCode);
        Assert.NotEmpty((await emptyGroup.ParseAsync()).TextOf("[role=alert]"));

        var emptyRule = await admin.SubmitFormAsync("/admin/watched-words", new() { ["Pattern"] = "", ["Kind"] = "Phrase", ["Action"] = "Flag", ["Explanation"] = "" }, "form.add-rule");
        Assert.Equal(System.Net.HttpStatusCode.OK, emptyRule.StatusCode);
        Assert.NotEmpty((await emptyRule.ParseAsync()).TextOf("[role=alert]"));
        Assert.Equal(0, await _app.WithDbAsync(db => db.Groups.CountAsync()));
    }

    [Fact]
    public async Task Members_cannot_reach_group_administration()
    {
        var browser = await _app.SignedInBrowserAsync(await _app.CreateUserAsync());

        var response = await browser.GetAsync("/admin/groups");

        Assert.Contains("AccessDenied", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }
}
