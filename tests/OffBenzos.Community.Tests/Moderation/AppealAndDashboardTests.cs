using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Tests.Infrastructure;
using OffBenzos.Community.Web.Forum;
using OffBenzos.Community.Web.Groups;
using OffBenzos.Community.Web.Moderation;

namespace OffBenzos.Community.Tests.Moderation;

public sealed class AppealAndDashboardTests : IDisposable
{
    private readonly CommunityApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task An_appeal_goes_to_a_different_moderator_once_and_upholding_it_restores_the_post()
    {
        var group = await _app.CreateGroupAsync();
        var author = await _app.CreateUserAsync(displayName: "Appealing Ann");
        await _app.AddMemberAsync(group, author);
        var thread = await _app.CreateThreadAsync(group, author);
        var post = (await _app.PostsAsync(thread.Id))[0];
        await (await _app.SignedInBrowserAsync(await _app.CreateUserAsync())).FlagAsync("post", post.Id);
        var first = await _app.SiteModeratorAsync("First Decider");
        await first.DecideAsync((await _app.OnlyItemAsync()).Id, "Agree", "Hidden", "Looked like advertising.");

        var authorBrowser = await _app.SignedInBrowserAsync(author);
        var notices = await authorBrowser.GetPageAsync("/notifications");
        var appealLink = notices.QuerySelector("a[href^='/appeals']")!.GetAttribute("href")!;
        var sent = await (await authorBrowser.SubmitFormAsync(appealLink, new() { ["Text"] = "It was a link to my own taper diary, not an advert." })).ParseAsync();
        Assert.Contains("A different moderator will look", sent.TextOf("[role=status]"), StringComparison.Ordinal);
        var twice = await authorBrowser.GetPageAsync(appealLink);
        Assert.Contains("already appealed", twice.TextOf("[role=status]"), StringComparison.Ordinal);

        var appeal = await _app.WithDbAsync(db => db.ReviewItems.SingleAsync(i => i.TargetType == ModerationTargets.Appeal));
        Assert.Empty((await first.GetPageAsync("/moderation")).QuerySelectorAll(".queue > li"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await first.GetAsync($"/moderation/items/{appeal.Id}")).StatusCode);

        var second = await _app.SiteModeratorAsync("Second Look");
        var item = await second.GetPageAsync($"/moderation/items/{appeal.Id}");
        Assert.Contains("taper diary", item.TextOf("section.card .rules"), StringComparison.Ordinal);
        await second.DecideAsync(appeal.Id, "Agree", reason: "You're right, sorry about that.");

        Assert.Equal(ContentState.Visible, (await _app.WithDbAsync(db => db.Posts.SingleAsync(p => p.Id == post.Id))).State);
        Assert.Contains(await _app.WithDbAsync(db => db.Notifications.Where(n => n.UserId == author.Id).ToListAsync()),
            n => n.Detail!.Contains("agreed with your appeal", StringComparison.Ordinal));
        Assert.True(await _app.WithDbAsync(db => db.ModerationActions.AnyAsync(a => a.Action == "appeal.upheld")));
    }

    [Fact]
    public async Task A_group_moderator_cannot_decide_a_flag_on_their_own_post_nor_their_own_appeal()
    {
        var group = await _app.CreateGroupAsync();
        var moderatorAuthor = await _app.CreateUserAsync(displayName: "Moderating Mo");
        await _app.AddMemberAsync(group, moderatorAuthor, GroupRole.Moderator);
        var colleague = await _app.CreateUserAsync(displayName: "Colleague Cal");
        await _app.AddMemberAsync(group, colleague, GroupRole.Moderator);
        var thread = await _app.CreateThreadAsync(group, moderatorAuthor);
        var post = (await _app.PostsAsync(thread.Id))[0];
        await (await _app.SignedInBrowserAsync(await _app.CreateUserAsync())).FlagAsync("post", post.Id);
        var flag = await _app.OnlyItemAsync();
        var own = await _app.SignedInBrowserAsync(moderatorAuthor);
        var other = await _app.SignedInBrowserAsync(colleague);

        Assert.Empty((await own.GetPageAsync("/moderation")).QuerySelectorAll(".queue > li"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await own.GetAsync($"/moderation/items/{flag.Id}")).StatusCode);
        Assert.Single((await other.GetPageAsync("/moderation")).QuerySelectorAll(".queue > li"));

        // Removed by a site moderator, appealed by its author: the appeal too is for someone else.
        await (await _app.SiteModeratorAsync()).DecideAsync(flag.Id, "Agree", "Hidden", "Too much detail about doses.");
        var notices = await own.GetPageAsync("/notifications");
        var appealLink = notices.QuerySelector("a[href^='/appeals']")!.GetAttribute("href")!;
        await own.SubmitFormAsync(appealLink, new() { ["Text"] = "I think this was fine." });
        var appeal = await _app.WithDbAsync(db => db.ReviewItems.SingleAsync(i => i.TargetType == ModerationTargets.Appeal));
        Assert.Empty((await own.GetPageAsync("/moderation")).QuerySelectorAll(".queue > li"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await own.GetAsync($"/moderation/items/{appeal.Id}")).StatusCode);
        Assert.Equal(ContentState.Hidden, (await _app.WithDbAsync(db => db.Posts.SingleAsync(p => p.Id == post.Id))).State);
        Assert.Single((await other.GetPageAsync("/moderation")).QuerySelectorAll(".queue > li"));
    }

    [Fact]
    public async Task Upholding_an_appeal_against_a_silence_lifts_it()
    {
        var group = await _app.CreateGroupAsync();
        var author = await _app.CreateUserAsync();
        await _app.AddMemberAsync(group, author);
        var thread = await _app.CreateThreadAsync(group, author);
        await (await _app.SignedInBrowserAsync(await _app.CreateUserAsync())).FlagAsync("post", (await _app.PostsAsync(thread.Id))[0].Id);
        var first = await _app.SiteModeratorAsync("Strict Sam");
        await first.SubmitFormAsync($"/moderation/items/{(await _app.OnlyItemAsync()).Id}", new() { ["kind"] = "Silence", ["hours"] = "168", ["reason"] = "Too heated." }, "form.sanction-form");
        var sanction = await _app.WithDbAsync(db => db.Sanctions.SingleAsync());
        var authorBrowser = await _app.SignedInBrowserAsync(author);

        await authorBrowser.SubmitFormAsync($"/appeals?key=sanction:{sanction.Id}", new() { ["Text"] = "I was quoting someone else." });
        var appeal = await _app.WithDbAsync(db => db.ReviewItems.SingleAsync(i => i.TargetType == ModerationTargets.Appeal));
        await (await _app.SiteModeratorAsync("Kind Kim")).DecideAsync(appeal.Id, "Agree", reason: "Fair point.");

        var page = await authorBrowser.GetPageAsync(ForumFixtures.ThreadUrl(group, thread.Id) + "?page=1");
        Assert.NotNull(page.QuerySelector("#reply form textarea"));
    }

    [Fact]
    public async Task Nobody_can_appeal_a_decision_about_someone_else()
    {
        var stranger = await _app.SignedInBrowserAsync(await _app.CreateUserAsync());

        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await stranger.GetAsync("/appeals?key=sanction:1")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await stranger.GetAsync("/appeals?key=item:1")).StatusCode);
    }

    [Fact]
    public async Task Moderators_watching_the_queue_hear_of_new_items_claims_and_decisions_at_once()
    {
        var group = await _app.CreateGroupAsync();
        var author = await _app.CreateUserAsync();
        await _app.AddMemberAsync(group, author);
        var thread = await _app.CreateThreadAsync(group, author);
        var moderatorUser = await _app.CreateUserAsync(roles: OffBenzos.Community.Web.Authorization.SiteRoles.Moderator);
        var key = await _app.EnableTwoFactorAsync(moderatorUser);
        var moderator = await _app.SignedInWithTwoFactorAsync(moderatorUser, key);
        var (_, cookie) = await _app.SignInWithTwoFactorAsync(moderatorUser, key);
        var changes = Channel.CreateUnbounded<long>();
        await using var connection = _app.ConnectHub(cookie);
        connection.On<long>("QueueChanged", id => changes.Writer.TryWrite(id));
        await connection.StartAsync();
        Assert.True(await connection.InvokeAsync<bool>("WatchQueue"));

        await (await _app.SignedInBrowserAsync(await _app.CreateUserAsync())).FlagAsync("post", (await _app.PostsAsync(thread.Id))[0].Id);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var itemId = await changes.Reader.ReadAsync(timeout.Token);
        Assert.Equal((await _app.OnlyItemAsync()).Id, itemId);

        await moderator.SubmitFormAsync($"/moderation/items/{itemId}", [], "form[action*=Claim]");
        Assert.Equal(itemId, await changes.Reader.ReadAsync(timeout.Token));
        await moderator.DecideAsync(itemId, "Ignore");
        Assert.Equal(itemId, await changes.Reader.ReadAsync(timeout.Token));
    }

    [Fact]
    public async Task A_member_cannot_watch_the_queue()
    {
        var (_, cookie) = await _app.SignInAsync(await _app.CreateUserAsync());
        await using var connection = _app.ConnectHub(cookie);
        await connection.StartAsync();

        Assert.False(await connection.InvokeAsync<bool>("WatchQueue"));
    }

    [Fact]
    public async Task The_dashboard_shows_the_queue_by_lane_the_median_time_to_decision_and_a_chart()
    {
        var group = await _app.CreateGroupAsync();
        var author = await _app.CreateUserAsync();
        await _app.AddMemberAsync(group, author);
        var thread = await _app.CreateThreadAsync(group, author, posts: 3);
        var posts = await _app.PostsAsync(thread.Id);
        var flagger = await _app.SignedInBrowserAsync(await _app.CreateUserAsync());
        await flagger.FlagAsync("post", posts[0].Id, "Crisis");
        await flagger.FlagAsync("post", posts[1].Id);
        await flagger.FlagAsync("post", posts[2].Id);
        var moderator = await _app.SiteModeratorAsync();
        var standard = await _app.WithDbAsync(db => db.ReviewItems.Where(i => i.Lane == ReviewLane.Standard).OrderBy(i => i.Id).FirstAsync());
        _app.Clock.Advance(TimeSpan.FromMinutes(90));
        await moderator.DecideAsync(standard.Id, "Ignore");

        var page = await moderator.GetPageAsync("/moderation/dashboard");

        Assert.Equal("1", page.TextOf("[data-lane=crisis]"));
        Assert.Equal("1", page.TextOf("[data-lane=standard]"));
        Assert.Equal("1.5 hours", page.TextOf("[data-median='7']"));
        Assert.NotNull(page.QuerySelector("svg.chart title"));
        Assert.Equal(30, page.QuerySelectorAll("svg.chart rect").Length);
    }
}
