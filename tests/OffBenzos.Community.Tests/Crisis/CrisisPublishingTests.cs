using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Tests.Infrastructure;
using OffBenzos.Community.Web.Forum;
using OffBenzos.Community.Web.Groups;
using OffBenzos.Community.Web.Moderation;

namespace OffBenzos.Community.Tests.Crisis;

/// <summary>Words that suggest risk: support first for the member, the crisis lane for moderators, never a punishment.</summary>
public sealed class CrisisPublishingTests : IDisposable
{
    private readonly CommunityApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<(Group Group, ForumThread Thread, HttpClient Browser, string Url)> MemberAsync(string country = "GB")
    {
        var group = await _app.CreateGroupAsync();
        var member = await _app.CreateUserAsync(displayName: "Tired Tamsin", country: country);
        await _app.AddMemberAsync(group, member);
        var thread = await _app.CreateThreadAsync(group, member);
        return (group, thread, await _app.SignedInBrowserAsync(member), ForumFixtures.ThreadUrl(group, thread.Id) + "?page=1");
    }

    [Fact]
    public async Task A_reply_that_suggests_suicide_risk_shows_support_first_then_posts_when_the_member_chooses()
    {
        var (_, thread, browser, url) = await MemberAsync();
        var text = "Everyone would be better off without me. I don't want to wake up tomorrow.";

        var first = await browser.SubmitFormAsync(url, new() { ["Body"] = text }, "#reply form");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var page = await first.ParseAsync();
        var check = page.TextOf(".crisis-check");
        Assert.Contains("you're not alone", check, StringComparison.Ordinal);
        Assert.Contains("Samaritans", check, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".crisis-check a[href='tel:116123']"));
        Assert.Equal(text, page.QuerySelector("#Body")!.TextContent);
        Assert.Single(await _app.PostsAsync(thread.Id));

        var posted = await browser.SubmitFormAsync(page, new() { ["Body"] = text, ["CrisisAcknowledged"] = "true" }, "#reply form");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var post = (await _app.PostsAsync(thread.Id))[1];
        Assert.Equal(ContentState.Visible, post.State);
        var item = await _app.OnlyItemAsync();
        Assert.Equal((ReviewLane.Crisis, ModerationTargets.Post, post.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), (item.Lane, item.TargetType, item.TargetId));
        Assert.False(item.HeldForApproval);
    }

    [Fact]
    public async Task A_medical_emergency_is_told_to_get_urgent_help_and_not_to_stop_abruptly_and_reaches_the_medical_lane()
    {
        var (_, thread, browser, url) = await MemberAsync("US");

        var page = await (await browser.SubmitFormAsync(url, new() { ["Body"] = "I think I just had a seizure." }, "#reply form")).ParseAsync();

        var check = page.TextOf(".crisis-check");
        Assert.Contains("urgent medical help", check, StringComparison.Ordinal);
        Assert.Contains("Don't stop, skip or change your benzodiazepine dose suddenly", check, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".crisis-check a[href='tel:911']"));

        await browser.SubmitFormAsync(page, new() { ["Body"] = "I think I just had a seizure.", ["CrisisAcknowledged"] = "true" }, "#reply form");
        Assert.Equal(2, (await _app.PostsAsync(thread.Id)).Count);
        Assert.Equal(ReviewLane.Medical, (await _app.OnlyItemAsync()).Lane);
    }

    [Fact]
    public async Task Ordinary_taper_talk_posts_at_once_with_no_review()
    {
        var (_, thread, browser, url) = await MemberAsync();

        var response = await browser.SubmitFormAsync(url, new() { ["Body"] = "Cut from 1 mg to 0.875 mg clonazepam today. Day 40 of my hold, sleep is awful." }, "#reply form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(2, (await _app.PostsAsync(thread.Id)).Count);
        Assert.False(await _app.WithDbAsync(db => db.ReviewItems.AnyAsync()));
    }

    [Fact]
    public async Task Method_detail_is_held_for_a_moderator_with_a_kind_explanation()
    {
        var (_, thread, browser, url) = await MemberAsync();

        var response = await browser.SubmitFormAsync(url, new() { ["Body"] = "I've been stockpiling my clonazepam for when I decide to go." }, "#reply form");
        var page = await browser.FollowAsync(response);

        Assert.Contains("kept your post back for a moderator", page.TextOf("[role=status]"), StringComparison.Ordinal);
        Assert.Equal(ContentState.PendingApproval, (await _app.PostsAsync(thread.Id))[1].State);
        var item = await _app.OnlyItemAsync();
        Assert.True(item.HeldForApproval);
        Assert.Equal(ReviewLane.Crisis, item.Lane);
    }

    [Fact]
    public async Task The_crisis_item_offers_a_ready_kind_reply_with_the_authors_own_lines_that_the_moderator_can_post()
    {
        var (_, thread, browser, url) = await MemberAsync("AU");
        await browser.SubmitFormAsync(url, new() { ["Body"] = "I want to die.", ["CrisisAcknowledged"] = "true" }, "#reply form");
        var item = await _app.OnlyItemAsync();
        var moderator = await _app.SiteModeratorAsync();

        var page = await moderator.GetPageAsync($"/moderation/items/{item.Id}");
        var suggested = page.QuerySelector("form.support-form textarea")!.TextContent;
        Assert.Contains("Hi Tired Tamsin", suggested, StringComparison.Ordinal);
        Assert.Contains("Lifeline: 13 11 14", suggested, StringComparison.Ordinal);
        Assert.Contains("000", suggested, StringComparison.Ordinal);

        await moderator.SubmitFormAsync(page, new() { ["reply"] = suggested }, "form.support-form");

        var posts = await _app.PostsAsync(thread.Id);
        Assert.Equal(3, posts.Count);
        Assert.Equal(posts[1].Id, posts[2].ReplyToPostId);
        Assert.Equal(ContentState.Visible, posts[2].State);
        Assert.True(await _app.WithDbAsync(db => db.ModerationActions.AnyAsync(a => a.Action == "review.reply")));
    }

    [Fact]
    public async Task Moderators_online_are_alerted_live_to_a_crisis_post()
    {
        var (_, _, browser, url) = await MemberAsync();
        var moderatorUser = await _app.CreateUserAsync(roles: OffBenzos.Community.Web.Authorization.SiteRoles.Moderator);
        var key = await _app.EnableTwoFactorAsync(moderatorUser);
        var (_, cookie) = await _app.SignInWithTwoFactorAsync(moderatorUser, key);
        var alerts = Channel.CreateUnbounded<(long, string)>();
        await using var connection = _app.ConnectHub(cookie);
        connection.On<long, string>("CrisisAlert", (id, lane) => alerts.Writer.TryWrite((id, lane)));
        await connection.StartAsync();
        Assert.True(await connection.InvokeAsync<bool>("WatchQueue"));

        await browser.SubmitFormAsync(url, new() { ["Body"] = "I want to die.", ["CrisisAcknowledged"] = "true" }, "#reply form");

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var (itemId, lane) = await alerts.Reader.ReadAsync(timeout.Token);
        Assert.Equal(((await _app.OnlyItemAsync()).Id, "Crisis"), (itemId, lane));
    }
}
