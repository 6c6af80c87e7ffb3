using System.Net;
using Microsoft.EntityFrameworkCore;
using AngleSharp.Dom;
using OffBenzos.Community.Tests.Infrastructure;
using OffBenzos.Community.Web.Forum;
using OffBenzos.Community.Web.Groups;

namespace OffBenzos.Community.Tests.Forum;

public sealed class ThreadModerationTests : IDisposable
{
    private readonly CommunityApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<(Group Group, ForumThread Thread, HttpClient Moderator, HttpClient Member, string Url)> ArrangeAsync()
    {
        var group = await _app.CreateGroupAsync();
        var member = await _app.CreateUserAsync();
        await _app.AddMemberAsync(group, member);
        var moderator = await _app.CreateUserAsync(displayName: "Group Guide");
        await _app.AddMemberAsync(group, moderator, GroupRole.Moderator);
        var thread = await _app.CreateThreadAsync(group, member, title: "A heated thread");
        return (group, thread, await _app.SignedInBrowserAsync(moderator), await _app.SignedInBrowserAsync(member), ForumFixtures.ThreadUrl(group, thread.Id) + "?page=1");
    }

    [Fact]
    public async Task A_locked_thread_says_why_and_refuses_replies_but_keeps_the_text()
    {
        var (_, thread, moderator, member, url) = await ArrangeAsync();
        var page = await member.GetPageAsync(url);

        await moderator.SubmitFormAsync(url, new() { ["reason"] = "Cooling off for a day." }, "form[data-action=lock]");

        var locked = await member.GetPageAsync(url);
        Assert.Contains("Reason: Cooling off for a day.", locked.TextOf("[role=note]"), StringComparison.Ordinal);
        var refused = await member.SubmitFormAsync(page, new() { ["Body"] = "But I wanted to say this." }, "#reply form");
        var refusedPage = await refused.ParseAsync();
        Assert.Contains("locked", refusedPage.TextOf("#reply"), StringComparison.Ordinal);
        Assert.Single(await _app.PostsAsync(thread.Id));
        Assert.Equal("But I wanted to say this.", (await _app.WithDbAsync(db => db.Drafts.SingleAsync())).Markdown);
        var audit = await _app.WithDbAsync(db => db.ModerationActions.SingleAsync());
        Assert.Equal(("thread.lock", "Cooling off for a day."), (audit.Action, audit.Reason));
    }

    [Fact]
    public async Task Pinned_threads_come_first()
    {
        var (group, thread, moderator, member, url) = await ArrangeAsync();
        var another = await _app.CreateUserAsync();
        await _app.AddMemberAsync(group, another);
        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        await _app.CreateThreadAsync(group, another, title: "A newer thread");

        var before = await member.GetPageAsync($"/groups/{group.Slug}");
        Assert.Equal("A newer thread", before.TextOf(".thread-title a"));

        await moderator.SubmitFormAsync(url, [], "form[data-action=pin]");

        var after = await member.GetPageAsync($"/groups/{group.Slug}");
        Assert.Equal("A heated thread", after.TextOf(".thread-title a"));
        Assert.Contains("Pinned", after.TextOf(".thread-row .meta"), StringComparison.Ordinal);
        Assert.Equal(thread.Id, await _app.WithDbAsync(db => db.Threads.Where(t => t.IsPinned).Select(t => t.Id).SingleAsync()));
    }

    [Fact]
    public async Task A_hidden_thread_disappears_for_members_and_stays_for_moderators_with_an_audit_row()
    {
        var (group, thread, moderator, member, url) = await ArrangeAsync();

        await moderator.SubmitFormAsync(url, new() { ["action"] = "hide", ["reason"] = "Checking a report" }, "form[data-action=state]");

        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(url)).StatusCode);
        Assert.DoesNotContain("A heated thread", (await member.GetPageAsync($"/groups/{group.Slug}")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await moderator.GetAsync(url)).StatusCode);
        var audit = await _app.WithDbAsync(db => db.ModerationActions.SingleAsync());
        Assert.Equal(("thread.hidden", thread.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), (audit.Action, audit.TargetId));
        Assert.Contains("state=Visible", audit.ContentBefore, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moving_a_thread_keeps_its_old_address_working()
    {
        var (group, thread, _, member, url) = await ArrangeAsync();
        var other = await _app.CreateGroupAsync(name: "Another group");
        var siteModerator = await _app.CreateUserAsync(roles: OffBenzos.Community.Web.Authorization.SiteRoles.Moderator);
        var key = await _app.EnableTwoFactorAsync(siteModerator);
        var staff = await _app.SignedInWithTwoFactorAsync(siteModerator, key);

        await staff.SubmitFormAsync(url, new() { ["toGroup"] = other.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "form[data-action=move]");

        Assert.Equal(other.Id, await _app.WithDbAsync(db => db.Threads.Where(t => t.Id == thread.Id).Select(t => t.GroupId).SingleAsync()));
        var old = await member.GetAsync(url);
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.StartsWith($"/groups/{other.Slug}/threads/{thread.Id}", old.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("A heated thread", (await member.GetPageAsync($"/groups/{group.Slug}")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_cannot_use_moderator_tools()
    {
        var (_, thread, _, member, url) = await ArrangeAsync();

        var page = await member.GetPageAsync(url);
        Assert.Null(page.QuerySelector(".moderator-tools"));
        // A hand-made request with the member's own valid form token.
        var token = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var forged = await member.PostAsync(url.Replace("?page=1", "?handler=Moderate", StringComparison.Ordinal),
            new FormUrlEncodedContent([new("action", "pin"), new("__RequestVerificationToken", token)]));

        Assert.Contains("AccessDenied", forged.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.False(await _app.WithDbAsync(db => db.Threads.AnyAsync(t => t.Id == thread.Id && t.IsPinned)));
        Assert.False(await _app.WithDbAsync(db => db.ModerationActions.AnyAsync()));
    }
}
