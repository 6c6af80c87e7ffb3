using QueuePage = OffBenzos.Community.Web.Pages.Moderation.IndexModel;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Tests.Infrastructure;
using OffBenzos.Community.Web.Forum;
using OffBenzos.Community.Web.Groups;
using OffBenzos.Community.Web.Moderation;
using OffBenzos.Community.Web.Notifications;

namespace OffBenzos.Community.Tests.Moderation;

public sealed class ReviewTests : IDisposable
{
    private readonly CommunityApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<(Group Group, Post Post, CommunityApp.TestUser Author, CommunityApp.TestUser Flagger, HttpClient FlaggerBrowser, ReviewItem Item)> FlaggedPostAsync(string reason = "Harassment")
    {
        var group = await _app.CreateGroupAsync();
        var author = await _app.CreateUserAsync(displayName: "Sharp Tongue");
        await _app.AddMemberAsync(group, author);
        var thread = await _app.CreateThreadAsync(group, author);
        var post = (await _app.PostsAsync(thread.Id))[0];
        var flagger = await _app.CreateUserAsync(displayName: "Careful Carla");
        var browser = await _app.SignedInBrowserAsync(flagger);
        await browser.FlagAsync("post", post.Id, reason);
        return (group, post, author, flagger, browser, await _app.OnlyItemAsync());
    }

    [Fact]
    public async Task Agreeing_removes_the_post_tells_the_author_why_thanks_the_flagger_and_is_audited()
    {
        var (_, post, author, flagger, _, item) = await FlaggedPostAsync();
        var moderator = await _app.SiteModeratorAsync();

        var response = await moderator.DecideAsync(item.Id, "Agree", "Removed", "Personal attacks are not allowed here.");

        Assert.Equal("/moderation", response.Headers.Location?.OriginalString);
        Assert.Equal(ContentState.Removed, (await _app.WithDbAsync(db => db.Posts.SingleAsync(p => p.Id == post.Id))).State);
        var resolved = await _app.OnlyItemAsync();
        Assert.Equal((ReviewStatus.Resolved, ReviewDecision.Agree), (resolved.Status, resolved.Decision));
        var notice = await _app.WithDbAsync(db => db.Notifications.SingleAsync(n => n.UserId == author.Id));
        Assert.Contains("Reason: Personal attacks are not allowed here.", notice.Detail, StringComparison.Ordinal);
        var thanks = await _app.WithDbAsync(db => db.Notifications.SingleAsync(n => n.UserId == flagger.Id));
        Assert.Equal(NotificationKind.FlagReviewed, thanks.Kind);
        Assert.DoesNotContain("Removed", thanks.Detail, StringComparison.OrdinalIgnoreCase);
        var audit = await _app.WithDbAsync(db => db.ModerationActions.SingleAsync(a => a.Action.StartsWith("review.")));
        Assert.Equal("review.agree.removed", audit.Action);
        Assert.Contains("Post number 1", audit.ContentBefore, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agreeing_by_correcting_keeps_the_post_up_with_the_earlier_text_as_a_revision()
    {
        var (_, post, author, _, _, item) = await FlaggedPostAsync();
        var moderator = await _app.SiteModeratorAsync();

        await moderator.SubmitFormAsync($"/moderation/items/{item.Id}", new()
        {
            ["decision"] = "Agree",
            ["editedText"] = "Post number 1 (a phone number was removed by a moderator)",
            ["reason"] = "We removed your phone number to keep you safe.",
        }, "form.decide-form");

        var edited = await _app.WithDbAsync(db => db.Posts.SingleAsync(p => p.Id == post.Id));
        Assert.Equal((ContentState.Visible, "Post number 1 (a phone number was removed by a moderator)"), (edited.State, edited.Markdown));
        Assert.Equal("Post number 1", (await _app.WithDbAsync(db => db.PostRevisions.SingleAsync())).Markdown);
        Assert.True(await _app.WithDbAsync(db => db.ModerationActions.AnyAsync(a => a.Action == "review.agree.edited")));
        Assert.Contains(await _app.WithDbAsync(db => db.Notifications.Where(n => n.UserId == author.Id).ToListAsync()), n => n.Detail!.Contains("edited", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Agreeing_needs_a_reason_the_author_will_see()
    {
        var (_, post, _, _, _, item) = await FlaggedPostAsync();
        var moderator = await _app.SiteModeratorAsync();

        var response = await moderator.DecideAsync(item.Id, "Agree", "Hidden", "");

        var page = await moderator.FollowAsync(response);
        Assert.Contains("Please give the reason", page.TextOf("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal(ContentState.Visible, (await _app.WithDbAsync(db => db.Posts.SingleAsync(p => p.Id == post.Id))).State);
    }

    [Fact]
    public async Task Disagreeing_restores_an_auto_hidden_post_and_lowers_the_flaggers_weight_next_time()
    {
        _app.Settings["Moderation:AutoHideScore"] = "1";
        var (group, post, author, flagger, flaggerBrowser, item) = await FlaggedPostAsync();
        Assert.Equal(ContentState.Hidden, (await _app.WithDbAsync(db => db.Posts.SingleAsync(p => p.Id == post.Id))).State);
        var moderator = await _app.SiteModeratorAsync();

        await moderator.DecideAsync(item.Id, "Disagree");

        Assert.Equal(ContentState.Visible, (await _app.WithDbAsync(db => db.Posts.SingleAsync(p => p.Id == post.Id))).State);
        var other = await _app.CreateThreadAsync(group, author, title: "Another thread");
        await flaggerBrowser.FlagAsync("post", (await _app.PostsAsync(other.Id))[0].Id);
        var weight = await _app.WithDbAsync(db => db.Flags.Where(f => f.FlaggerId == flagger.Id).OrderByDescending(f => f.Id).Select(f => f.Weight).FirstAsync());
        Assert.Equal(0.5 + (1.0 / 3.0), weight, 6);
    }

    [Fact]
    public async Task A_claimed_item_shows_who_holds_it_and_others_cannot_decide_until_the_claim_expires()
    {
        var (_, post, _, _, _, item) = await FlaggedPostAsync();
        var first = await _app.SiteModeratorAsync("First Friend");
        var second = await _app.SiteModeratorAsync("Second Friend");

        await first.SubmitFormAsync($"/moderation/items/{item.Id}", [], "form[action*=Claim]");

        var seen = await second.GetPageAsync($"/moderation/items/{item.Id}");
        Assert.Equal("First Friend is working on this item.", seen.TextOf("main [role=status]"));
        Assert.Contains("held by First Friend", (await second.GetPageAsync("/moderation")).TextOf(".queue .meta"), StringComparison.Ordinal);
        var token = seen.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var refused = await second.PostAsync($"/moderation/items/{item.Id}?handler=Decide", new FormUrlEncodedContent(
            [new("decision", "Agree"), new("removal", "Hidden"), new("reason", "A reason I took care over."), new("__RequestVerificationToken", token)]));
        Assert.Equal(ReviewStatus.Open, (await _app.OnlyItemAsync()).Status);
        // Told why, on the same page, with what they wrote still there.
        var page = await refused.ParseAsync();
        Assert.Contains("Another moderator is working on this item.", page.TextOf("main [role=alert]"), StringComparison.Ordinal);
        Assert.Equal("A reason I took care over.", page.QuerySelector("#reason")!.TextContent);

        _app.Clock.Advance(TimeSpan.FromMinutes(16));
        await second.DecideAsync(item.Id, "Ignore");
        Assert.Equal(ReviewDecision.Ignore, (await _app.OnlyItemAsync()).Decision);
        Assert.Equal(ContentState.Visible, (await _app.WithDbAsync(db => db.Posts.SingleAsync(p => p.Id == post.Id))).State);
    }

    [Fact]
    public async Task Group_moderators_see_and_decide_only_their_own_groups_items()
    {
        var (group, _, _, _, _, item) = await FlaggedPostAsync();
        var ownModerator = await _app.CreateUserAsync();
        await _app.AddMemberAsync(group, ownModerator, GroupRole.Moderator);
        var otherGroup = await _app.CreateGroupAsync();
        var otherModerator = await _app.CreateUserAsync();
        await _app.AddMemberAsync(otherGroup, otherModerator, GroupRole.Moderator);

        var own = await _app.SignedInBrowserAsync(ownModerator);
        Assert.Single((await own.GetPageAsync("/moderation")).QuerySelectorAll(".queue > li"));

        var other = await _app.SignedInBrowserAsync(otherModerator);
        Assert.Empty((await other.GetPageAsync("/moderation")).QuerySelectorAll(".queue > li"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await other.GetAsync($"/moderation/items/{item.Id}")).StatusCode);

        var member = await _app.SignedInBrowserAsync(await _app.CreateUserAsync());
        Assert.Contains("AccessDenied", (await member.GetAsync("/moderation")).Headers.Location?.ToString(), StringComparison.Ordinal);

        await own.DecideAsync(item.Id, "Ignore");
        Assert.Equal(ReviewStatus.Resolved, (await _app.OnlyItemAsync()).Status);
    }

    [Fact]
    public async Task The_item_shows_the_authors_recent_history_and_the_posts_around_it()
    {
        var (group, post, author, _, flaggerBrowser, item) = await FlaggedPostAsync();
        var moderator = await _app.SiteModeratorAsync();
        await moderator.DecideAsync(item.Id, "Agree", "Hidden", "Please keep it kind.");
        var thread = await _app.CreateThreadAsync(group, author, posts: 3, title: "Again");
        var posts = await _app.PostsAsync(thread.Id);
        await flaggerBrowser.FlagAsync("post", posts[1].Id);
        var second = await _app.WithDbAsync(db => db.ReviewItems.SingleAsync(i => i.Status == ReviewStatus.Open));

        var page = await moderator.GetPageAsync($"/moderation/items/{second.Id}");

        Assert.Contains("Agree on post (Please keep it kind.)", page.TextOf(".history"), StringComparison.Ordinal);
        Assert.Equal(["#1", "#2", "#3"], page.QuerySelectorAll(".context li strong").Select(s => s.TextContent.Split(' ')[0]));
        Assert.Contains("#2", page.TextOf(".context-target"), StringComparison.Ordinal);
        _ = post;
    }
    [Fact]
    public async Task A_group_moderator_sees_the_authors_history_in_their_own_groups_only()
    {
        var (privateGroup, _, author, _, flaggerBrowser, elsewhere) = await FlaggedPostAsync();
        var site = await _app.SiteModeratorAsync();
        await site.DecideAsync(elsewhere.Id, "Agree", "Hidden", "Named a clinic in the private group.");
        var group = await _app.CreateGroupAsync();
        await _app.AddMemberAsync(group, author);
        var groupModerator = await _app.CreateUserAsync();
        await _app.AddMemberAsync(group, groupModerator, GroupRole.Moderator);
        var thread = await _app.CreateThreadAsync(group, author, title: "Over here");
        await flaggerBrowser.FlagAsync("post", (await _app.PostsAsync(thread.Id))[0].Id);
        var here = await _app.WithDbAsync(db => db.ReviewItems.SingleAsync(i => i.Status == ReviewStatus.Open));

        var page = await (await _app.SignedInBrowserAsync(groupModerator)).GetPageAsync($"/moderation/items/{here.Id}");
        Assert.Equal("The author's last six months in your groups", page.TextOf("#history"));
        Assert.DoesNotContain("clinic", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Named a clinic in the private group.", (await site.GetPageAsync($"/moderation/items/{here.Id}")).TextOf(".history"), StringComparison.Ordinal);
        _ = privateGroup;
    }

    [Fact]
    public async Task A_long_queue_shows_its_first_items_in_order_and_says_how_many_wait()
    {
        var now = _app.Clock.GetUtcNow();
        await _app.WithDbAsync(async db =>
        {
            // More ordinary items than the queue shows, scored 1 to 5, oldest first; then one medical and one crisis item, the newest.
            db.ReviewItems.AddRange(Enumerable.Range(1, QueuePage.Shown + 10).Select(n => new ReviewItem
            {
                TargetType = "post", TargetId = $"{n}", Score = 1 + (n % 5), CreatedAt = now.AddMinutes(-1000 + n),
            }));
            db.ReviewItems.Add(new ReviewItem { TargetType = "post", TargetId = "medical", Lane = ReviewLane.Medical, Score = 1, CreatedAt = now });
            db.ReviewItems.Add(new ReviewItem { TargetType = "post", TargetId = "crisis", Lane = ReviewLane.Crisis, Score = 1, CreatedAt = now });
            // Decided items are not waiting.
            db.ReviewItems.Add(new ReviewItem { TargetType = "post", TargetId = "done", Status = ReviewStatus.Resolved, Score = 9, CreatedAt = now });
            return await db.SaveChangesAsync();
        });

        var queue = await (await _app.SiteModeratorAsync()).GetPageAsync("/moderation");

        var rows = queue.QuerySelectorAll(".queue > li");
        Assert.Equal(QueuePage.Shown, rows.Length);
        Assert.StartsWith("Crisis:", rows[0].TextOf("h2 a"), StringComparison.Ordinal);
        Assert.StartsWith("Medical:", rows[1].TextOf("h2 a"), StringComparison.Ordinal);
        var scores = rows.Skip(2).Select(r => r.TextOf(".meta")).Select(m => m[(m.IndexOf("score ", StringComparison.Ordinal) + 6)..][..3]).ToList();
        Assert.Equal(scores.OrderDescending(StringComparer.Ordinal), scores);
        Assert.Equal("5.0", scores[0]);
        // Within a score, the oldest first: item 4 (score 5) waited longest.
        Assert.Equal($"/moderation/items/{await _app.WithDbAsync(db => db.ReviewItems.Where(i => i.TargetId == "4").Select(i => i.Id).SingleAsync())}",
            rows[2].QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Contains($"Waiting: 1 crisis, 1 medical, {QueuePage.Shown + 10} other.", queue.TextOf("[role=status]"), StringComparison.Ordinal);
        Assert.Equal($"Showing the first {QueuePage.Shown} of {QueuePage.Shown + 12} waiting. As items are decided, the next ones come up here.",
            queue.TextOf("[data-queue-region] .help"));
    }
}
