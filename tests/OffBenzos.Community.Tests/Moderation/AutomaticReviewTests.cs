using System.Net;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Tests.Infrastructure;
using OffBenzos.Community.Web.Authorization;
using OffBenzos.Community.Web.Forum;
using OffBenzos.Community.Web.Groups;
using OffBenzos.Community.Web.Moderation;

namespace OffBenzos.Community.Tests.Moderation;

/// <summary>Watched words and new-member holds: automation that sorts and holds, while a human decides.</summary>
public sealed class AutomaticReviewTests : IDisposable
{
    private readonly CommunityApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<(Group Group, ForumThread Thread, CommunityApp.TestUser Member, HttpClient Browser, string Url)> MemberInThreadAsync()
    {
        var group = await _app.CreateGroupAsync();
        var member = await _app.CreateUserAsync(displayName: "Newcomer Nell");
        await _app.AddMemberAsync(group, member);
        var thread = await _app.CreateThreadAsync(group, member);
        return (group, thread, member, await _app.SignedInBrowserAsync(member), ForumFixtures.ThreadUrl(group, thread.Id) + "?page=1");
    }

    private Task<int> AddRuleAsync(string pattern, WatchedPatternKind kind, WatchedAction action) =>
        _app.WithDbAsync(db =>
        {
            db.WatchedWords.Add(new WatchedWord { Pattern = pattern, Kind = kind, Action = action, Explanation = "Rule for the test.", CreatedAt = _app.Clock.GetUtcNow() });
            return db.SaveChangesAsync();
        });

    [Fact]
    public async Task A_new_community_starts_with_watched_words_for_selling_and_contact_details()
    {
        var admin = await _app.CreateUserAsync(roles: SiteRoles.Admin);
        var browser = await _app.SignedInWithTwoFactorAsync(admin, await _app.EnableTwoFactorAsync(admin));

        var page = await browser.GetPageAsync("/admin/watched-words?Sample=" + Uri.EscapeDataString("I can sell you pills for sale, text me on +44 7700 900123"));

        var result = page.TextOf(".test-result");
        Assert.Contains("RequireApproval: “pills for sale”", result, StringComparison.Ordinal);
        Assert.Contains("+44 7700 900123", result, StringComparison.Ordinal);
        var calm = await browser.GetPageAsync("/admin/watched-words?Sample=" + Uri.EscapeDataString("Down to 4 mg diazepam today, holding for two weeks."));
        Assert.Equal("Nothing would happen: no rule matches.", calm.TextOf(".test-result"));
    }

    [Fact]
    public async Task A_blocking_word_refuses_the_post_says_which_rule_and_keeps_the_text()
    {
        await AddRuleAsync("miracle cure", WatchedPatternKind.Phrase, WatchedAction.Block);
        var (_, thread, _, browser, url) = await MemberInThreadAsync();

        var response = await browser.SubmitFormAsync(url, new() { ["Body"] = "This MIRACLE   cure fixed me" }, "#reply form");

        var page = await response.ParseAsync();
        Assert.Contains("matches a community rule (“MIRACLE   cure”)", page.TextOf("#body-error"), StringComparison.Ordinal);
        Assert.Equal("This MIRACLE   cure fixed me", page.QuerySelector("#Body")!.TextContent);
        Assert.Single(await _app.PostsAsync(thread.Id));
    }

    [Fact]
    public async Task A_word_that_requires_approval_holds_the_post_visible_to_its_author_only_until_approved()
    {
        var (_, thread, member, browser, url) = await MemberInThreadAsync();

        await browser.SubmitFormAsync(url, new() { ["Body"] = "Anyone know where to buy xanax?" }, "#reply form");

        var held = (await _app.PostsAsync(thread.Id))[1];
        Assert.Equal(ContentState.PendingApproval, held.State);
        Assert.Contains("waiting for a moderator", (await browser.GetPageAsync(url)).TextOf($"#post-{held.Id} .removed-note"), StringComparison.Ordinal);
        var reader = await _app.SignedInBrowserAsync(await _app.CreateUserAsync());
        Assert.Null((await reader.GetPageAsync(url)).QuerySelector($"#post-{held.Id}"));
        var item = await _app.OnlyItemAsync();
        Assert.True(item.FromSystem && item.HeldForApproval);
        Assert.Contains("buy xanax", item.SystemReason, StringComparison.Ordinal);

        var moderator = await _app.SiteModeratorAsync();
        Assert.Contains("System", (await moderator.GetPageAsync("/moderation")).TextOf(".queue .thread-title"), StringComparison.Ordinal);
        await moderator.DecideAsync(item.Id, "Disagree");
        Assert.Equal(ContentState.Visible, (await _app.WithDbAsync(db => db.Posts.SingleAsync(p => p.Id == held.Id))).State);
        Assert.Contains(await _app.WithDbAsync(db => db.Notifications.Where(n => n.UserId == member.Id).ToListAsync()), n => n.Detail!.Contains("approved", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Flag_and_crisis_words_publish_and_open_items_in_their_lanes()
    {
        await AddRuleAsync("no way out", WatchedPatternKind.Phrase, WatchedAction.Crisis);
        var (_, thread, _, browser, url) = await MemberInThreadAsync();

        await browser.SubmitFormAsync(url, new() { ["Body"] = "Some nights it feels like there's no way out." }, "#reply form");
        await browser.SubmitFormAsync(url, new() { ["Body"] = "Message me on whatsapp" }, "#reply form");

        var posts = await _app.PostsAsync(thread.Id);
        Assert.All(posts, p => Assert.Equal(ContentState.Visible, p.State));
        var items = await _app.WithDbAsync(db => db.ReviewItems.OrderBy(i => i.Id).ToListAsync());
        Assert.Equal([ReviewLane.Crisis, ReviewLane.Standard], items.Select(i => i.Lane));
        Assert.All(items, i => Assert.True(i.FromSystem && !i.HeldForApproval));
    }

    [Fact]
    public async Task A_new_members_first_posts_and_link_heavy_posts_wait_for_approval()
    {
        _app.Settings["Moderation:HoldFirstPosts"] = "3";
        var group = await _app.CreateGroupAsync();
        var member = await _app.CreateUserAsync();
        await _app.AddMemberAsync(group, member);
        var browser = await _app.SignedInBrowserAsync(member);

        var created = await browser.SubmitFormAsync($"/groups/{group.Slug}/new", new() { ["Title"] = "Hello everyone", ["Body"] = "My first post here." }, "main form");
        var page = await browser.FollowAsync(created);
        Assert.Contains("waiting for a moderator's approval", page.TextOf("[role=note]"), StringComparison.Ordinal);
        var thread = await _app.WithDbAsync(db => db.Threads.SingleAsync());
        Assert.Equal(ContentState.PendingApproval, thread.State);
        var anonymous = await _app.CreateBrowser().GetAsync(ForumFixtures.ThreadUrl(group, thread.Id));
        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);

        var moderator = await _app.SiteModeratorAsync();
        await moderator.DecideAsync((await _app.OnlyItemAsync()).Id, "Ignore");
        Assert.Equal(ContentState.Visible, (await _app.WithDbAsync(db => db.Threads.SingleAsync())).State);
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateBrowser().GetAsync(ForumFixtures.ThreadUrl(group, thread.Id) + "?page=1")).StatusCode);
    }

    [Fact]
    public async Task A_new_members_post_with_more_than_two_links_is_held()
    {
        var (_, thread, _, browser, url) = await MemberInThreadAsync();

        await browser.SubmitFormAsync(url, new() { ["Body"] = "See https://a.example https://b.example https://c.example" }, "#reply form");

        Assert.Equal(ContentState.PendingApproval, (await _app.PostsAsync(thread.Id))[1].State);
        Assert.Contains("3 links", (await _app.OnlyItemAsync()).SystemReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watched_word_changes_are_audited_and_bad_patterns_refused()
    {
        var admin = await _app.CreateUserAsync(roles: SiteRoles.Admin);
        var browser = await _app.SignedInWithTwoFactorAsync(admin, await _app.EnableTwoFactorAsync(admin));

        var bad = await (await browser.SubmitFormAsync("/admin/watched-words", new() { ["Pattern"] = "(unclosed", ["Kind"] = "Pattern", ["Action"] = "Flag", ["Explanation"] = "x" }, "form.add-rule")).ParseAsync();
        Assert.Contains("not a valid regular expression", bad.TextOf("[role=alert]"), StringComparison.Ordinal);

        await browser.SubmitFormAsync("/admin/watched-words", new() { ["Pattern"] = "pill mill", ["Kind"] = "Phrase", ["Action"] = "Flag", ["Explanation"] = "Sourcing is not allowed." }, "form.add-rule");
        var audit = await _app.WithDbAsync(db => db.ModerationActions.SingleAsync(a => a.Action == "watched-word.add"));
        Assert.Contains("“pill mill” → Flag", audit.Reason, StringComparison.Ordinal);
    }
}
