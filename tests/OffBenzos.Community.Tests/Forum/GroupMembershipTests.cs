using System.Net;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Tests.Infrastructure;
using OffBenzos.Community.Web.Groups;

namespace OffBenzos.Community.Tests.Forum;

public sealed class GroupMembershipTests : IDisposable
{
    private readonly CommunityApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Joining_shows_the_rules_first_then_makes_a_member_who_can_start_threads()
    {
        var group = await _app.CreateGroupAsync(rules: "No selling or sourcing of any medicine.");
        var user = await _app.CreateUserAsync();
        var browser = await _app.SignedInBrowserAsync(user);

        var join = await browser.GetPageAsync($"/groups/{group.Slug}/join");
        Assert.Contains("No selling or sourcing of any medicine.", join.TextOf(".rules"), StringComparison.Ordinal);

        var joined = await browser.FollowAsync(await browser.SubmitFormAsync(join, []));
        Assert.Contains("Welcome to", joined.TextOf("[role=status]"), StringComparison.Ordinal);
        Assert.NotNull(joined.QuerySelector($"a[href='/groups/{group.Slug}/new']"));

        var directory = await browser.GetPageAsync("/groups");
        Assert.Contains("1 member", directory.TextOf(".card .meta"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_approval_group_keeps_requests_waiting_until_a_group_moderator_approves_and_records_it()
    {
        var group = await _app.CreateGroupAsync(joinPolicy: GroupJoinPolicy.Approval);
        var moderator = await _app.CreateUserAsync(displayName: "Group Keeper");
        await _app.AddMemberAsync(group, moderator, GroupRole.Moderator);
        var applicant = await _app.CreateUserAsync(displayName: "New Arrival");
        var applicantBrowser = await _app.SignedInBrowserAsync(applicant);

        await applicantBrowser.SubmitFormAsync($"/groups/{group.Slug}/join", []);
        var waiting = await applicantBrowser.GetPageAsync($"/groups/{group.Slug}");
        Assert.Contains("waiting for the group's moderators", waiting.TextOf(".actions [role=status]"), StringComparison.Ordinal);
        Assert.Contains("AccessDenied", (await applicantBrowser.GetAsync($"/groups/{group.Slug}/members")).Headers.Location?.ToString(), StringComparison.Ordinal);

        var moderatorBrowser = await _app.SignedInBrowserAsync(moderator);
        var members = await moderatorBrowser.GetPageAsync($"/groups/{group.Slug}/members");
        await moderatorBrowser.SubmitFormAsync(members, new() { ["approve"] = "true" }, $"form[data-member='{applicant.Id}']");

        var state = await _app.WithDbAsync(db => db.GroupMemberships.Where(m => m.GroupId == group.Id && m.UserId == applicant.Id).Select(m => m.State).SingleAsync());
        Assert.Equal(MembershipState.Active, state);
        var record = await _app.WithDbAsync(db => db.GroupRoleChanges.SingleAsync(c => c.GroupId == group.Id));
        Assert.Equal(("approved", moderator.Id, applicant.Id), (record.Change, record.ActorId, record.TargetUserId));
        Assert.NotNull((await applicantBrowser.GetPageAsync($"/groups/{group.Slug}")).QuerySelector($"a[href='/groups/{group.Slug}/new']"));
    }

    [Fact]
    public async Task Members_only_threads_are_hidden_from_everyone_but_members()
    {
        var group = await _app.CreateGroupAsync(visibility: GroupVisibility.MembersOnly);
        var member = await _app.CreateUserAsync();
        await _app.AddMemberAsync(group, member);
        var thread = await _app.CreateThreadAsync(group, member, title: "Private worries about work");
        var outsider = await _app.SignedInBrowserAsync(await _app.CreateUserAsync());

        var anonymousGroup = await _app.CreateBrowser().GetPageAsync($"/groups/{group.Slug}");
        Assert.Equal(group.Name, anonymousGroup.TextOf("h1"));
        Assert.DoesNotContain("Private worries", anonymousGroup.Body!.TextContent, StringComparison.Ordinal);
        var anonymousThread = await _app.CreateBrowser().GetAsync(ForumFixtures.ThreadUrl(group, thread.Id));
        Assert.Contains("/Identity/Account/Login", anonymousThread.Headers.Location?.ToString(), StringComparison.Ordinal);

        Assert.DoesNotContain("Private worries", (await outsider.GetPageAsync($"/groups/{group.Slug}")).Body!.TextContent, StringComparison.Ordinal);
        var outsiderThread = await outsider.GetAsync(ForumFixtures.ThreadUrl(group, thread.Id));
        Assert.Contains("AccessDenied", outsiderThread.Headers.Location?.ToString(), StringComparison.Ordinal);
        var postId = (await _app.PostsAsync(thread.Id))[0].Id;
        // A permalink or a moved thread's old address does not say where the post lives to someone who may not read there.
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/posts/{postId}")).StatusCode);
        var publicGroup = await _app.CreateGroupAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(ForumFixtures.ThreadUrl(publicGroup, thread.Id))).StatusCode);
        // Signed out, the same link asks the member to sign in first.
        Assert.Contains("/Identity/Account/Login", (await _app.CreateBrowser().GetAsync($"/posts/{postId}")).Headers.Location?.ToString(), StringComparison.Ordinal);

        var memberBrowser = await _app.SignedInBrowserAsync(member);
        Assert.Equal("Private worries about work", (await memberBrowser.GetPageAsync(ForumFixtures.ThreadUrl(group, thread.Id) + "?page=1")).TextOf("h1"));
    }

    [Fact]
    public async Task Leaving_a_group_ends_writing_there()
    {
        var group = await _app.CreateGroupAsync();
        var member = await _app.CreateUserAsync();
        await _app.AddMemberAsync(group, member);
        var browser = await _app.SignedInBrowserAsync(member);

        await browser.SubmitFormAsync($"/groups/{group.Slug}", [], "form[action*=Leave]");

        Assert.False(await _app.WithDbAsync(db => db.GroupMemberships.AnyAsync(m => m.UserId == member.Id)));
        var page = await browser.GetPageAsync($"/groups/{group.Slug}/new");
        Assert.Equal("Join this group to post in it.", page.TextOf("[role=alert]"));
    }

    [Fact]
    public async Task A_group_moderator_grants_a_group_role_and_it_is_recorded()
    {
        var group = await _app.CreateGroupAsync();
        var moderator = await _app.CreateUserAsync();
        await _app.AddMemberAsync(group, moderator, GroupRole.Moderator);
        var member = await _app.CreateUserAsync(displayName: "Future Coach");
        await _app.AddMemberAsync(group, member);
        var browser = await _app.SignedInBrowserAsync(moderator);

        await browser.SubmitFormAsync($"/groups/{group.Slug}/members", new() { ["role"] = "Coach" }, $"form[data-member='{member.Id}']");

        Assert.Equal(GroupRole.Coach, await _app.WithDbAsync(db => db.GroupMemberships.Where(m => m.UserId == member.Id).Select(m => m.Role).SingleAsync()));
        var page = await browser.GetPageAsync($"/groups/{group.Slug}/members");
        Assert.Contains("role:Coach", page.TextOf(".history"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ordinary_member_cannot_manage_the_group()
    {
        var group = await _app.CreateGroupAsync(joinPolicy: GroupJoinPolicy.Approval);
        var member = await _app.CreateUserAsync();
        await _app.AddMemberAsync(group, member);
        var browser = await _app.SignedInBrowserAsync(member);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync($"/groups/{group.Slug}/members")).StatusCode);
        var forged = await browser.PostAsync($"/groups/{group.Slug}/members?handler=Role", new FormUrlEncodedContent([new("userId", member.Id), new("role", "Moderator")]));
        Assert.NotEqual(HttpStatusCode.OK, forged.StatusCode);
        Assert.Equal(GroupRole.Member, await _app.WithDbAsync(db => db.GroupMemberships.Where(m => m.UserId == member.Id).Select(m => m.Role).SingleAsync()));
    }
}
