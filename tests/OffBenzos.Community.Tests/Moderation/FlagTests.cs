using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Tests.Infrastructure;
using OffBenzos.Community.Web.Forum;
using OffBenzos.Community.Web.Moderation;
using OffBenzos.Community.Web.Notifications;

namespace OffBenzos.Community.Tests.Moderation;

public sealed class FlagTests : IDisposable
{
    private readonly CommunityApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<(Post Post, CommunityApp.TestUser Author, HttpClient AuthorBrowser)> PostAsync()
    {
        var group = await _app.CreateGroupAsync();
        var author = await _app.CreateUserAsync(displayName: "Posting Pat");
        await _app.AddMemberAsync(group, author);
        var thread = await _app.CreateThreadAsync(group, author);
        return ((await _app.PostsAsync(thread.Id))[0], author, await _app.SignedInBrowserAsync(author));
    }

    [Fact]
    public async Task A_member_flags_a_post_once_is_thanked_and_the_flag_keeps_a_snapshot_an_edit_cannot_hide()
    {
        var (post, _, authorBrowser) = await PostAsync();
        var flagger = await _app.SignedInBrowserAsync(await _app.CreateUserAsync());

        var thanks = await flagger.FlagAsync("post", post.Id, "DangerousAdvice");
        Assert.Equal("Thank you", thanks.TextOf("h1"));
        var again = await flagger.FlagAsync("post", post.Id, "OffTopic");
        Assert.Contains("already flagged", again.TextOf("[role=alert]"), StringComparison.Ordinal);

        await authorBrowser.SubmitFormAsync($"/posts/{post.Id}/edit", new() { ["Body"] = "Something harmless now." }, "main form");

        var flag = await _app.WithDbAsync(db => db.Flags.SingleAsync());
        Assert.Equal("Post number 1", flag.Snapshot);
        Assert.Equal(FlagReason.DangerousAdvice, flag.Reason);
        var moderator = await _app.SiteModeratorAsync();
        var item = await moderator.GetPageAsync($"/moderation/items/{flag.ReviewItemId}");
        Assert.Equal("Post number 1", item.TextOf(".snapshot"));
        Assert.Contains("Something harmless now.", item.TextOf("section.card .rules"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_members_cannot_see_is_not_found_on_the_flag_form_and_cannot_be_flagged()
    {
        var group = await _app.CreateGroupAsync();
        var author = await _app.CreateUserAsync();
        await _app.AddMemberAsync(group, author);
        var thread = await _app.CreateThreadAsync(group, author, posts: 5);
        var hiddenThread = await _app.CreateThreadAsync(group, author, title: "Hidden by a moderator");
        var posts = await _app.PostsAsync(thread.Id);
        var unseen = new[] { ContentState.PendingApproval, ContentState.Hidden, ContentState.Removed, ContentState.RemovedByAuthor };
        for (var i = 0; i < unseen.Length; i++)
        {
            var (id, state) = (posts[i + 1].Id, unseen[i]);
            await _app.WithDbAsync(db => db.Posts.Where(p => p.Id == id)
                .ExecuteUpdateAsync(p => p.SetProperty(x => x.State, state).SetProperty(x => x.Markdown, "words only a moderator may read")));
        }
        await _app.WithDbAsync(db => db.Threads.Where(t => t.Id == hiddenThread.Id).ExecuteUpdateAsync(t => t.SetProperty(x => x.State, ContentState.Hidden)));
        var hiddenThreadPost = (await _app.PostsAsync(hiddenThread.Id))[0].Id;
        var flagger = await _app.SignedInBrowserAsync(await _app.CreateUserAsync());

        // A token from a form the member can open, so a refused post is refused for what it flags, not for the token.
        var token = (await flagger.GetPageAsync($"/flag/post/{posts[0].Id}")).QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var refused = posts.Skip(1).Select(p => $"/flag/post/{p.Id}").Append($"/flag/post/{hiddenThreadPost}").Append($"/flag/thread/{hiddenThread.Id}");
        foreach (var url in refused)
        {
            var shown = await flagger.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, shown.StatusCode);
            Assert.DoesNotContain("words only a moderator may read", await shown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var sent = await flagger.PostAsync(url, new FormUrlEncodedContent([new("Reason", "Harassment"), new("__RequestVerificationToken", token)]));
            Assert.Equal(HttpStatusCode.NotFound, sent.StatusCode);
        }
        Assert.Equal(0, await _app.WithDbAsync(db => db.Flags.CountAsync()));

        // What is published can still be flagged.
        Assert.Equal("Thank you", (await flagger.FlagAsync("post", posts[0].Id)).TextOf("h1"));
        Assert.Equal("Thank you", (await flagger.FlagAsync("thread", thread.Id)).TextOf("h1"));
    }

    [Fact]
    public async Task The_same_post_written_with_leading_zeros_is_the_same_target()
    {
        var (post, _, _) = await PostAsync();
        var flagger = await _app.SignedInBrowserAsync(await _app.CreateUserAsync());

        Assert.Equal("Thank you", (await flagger.FlagAsync("post", post.Id)).TextOf("h1"));
        var again = await flagger.FlagAsync("post", "00" + post.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Contains("already flagged", again.TextOf("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal(1, await _app.WithDbAsync(db => db.ReviewItems.CountAsync()));
    }

    [Fact]
    public async Task A_moderator_account_without_two_factor_flags_with_a_members_weight()
    {
        _app.Settings["Moderation:AutoHideScore"] = "2";
        var (post, _, _) = await PostAsync();
        var unprotected = await _app.CreateUserAsync(roles: OffBenzos.Community.Web.Authorization.SiteRoles.Moderator);

        await (await _app.SignedInBrowserAsync(unprotected)).FlagAsync("post", post.Id);

        Assert.Equal(ContentState.Visible, (await _app.WithDbAsync(db => db.Posts.SingleAsync(p => p.Id == post.Id))).State);
        Assert.Equal(1.0, (await _app.WithDbAsync(db => db.Flags.SingleAsync())).Weight);
    }

    [Fact]
    public async Task Members_cannot_flag_their_own_words_and_something_else_needs_a_note()
    {
        var (post, _, authorBrowser) = await PostAsync();

        var own = await authorBrowser.FlagAsync("post", post.Id);
        Assert.Contains("can't flag your own", own.TextOf("[role=alert]"), StringComparison.Ordinal);

        var other = await _app.SignedInBrowserAsync(await _app.CreateUserAsync());
        var noNote = await other.FlagAsync("post", post.Id, "Other");
        Assert.Contains("say in a few words", noNote.TextOf("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal("Thank you", (await other.FlagAsync("post", post.Id, "Other", "Feels like an advert")).TextOf("h1"));
        Assert.Equal("Feels like an advert", (await _app.WithDbAsync(db => db.Flags.SingleAsync())).Note);
    }

    [Fact]
    public async Task A_member_can_flag_a_profile_from_a_post_and_the_item_is_about_the_member()
    {
        var (post, author, _) = await PostAsync();
        var flagger = await _app.SignedInBrowserAsync(await _app.CreateUserAsync());

        var page = await flagger.GetPageAsync($"/flag/post/{post.Id}");
        var profileLink = page.QuerySelector("a[href^='/flag/profile/']")!.GetAttribute("href")!;
        var thanks = await (await flagger.SubmitFormAsync(profileLink, new() { ["Reason"] = "Harassment" })).ParseAsync();

        Assert.Equal("Thank you", thanks.TextOf("h1"));
        var item = await _app.OnlyItemAsync();
        Assert.Equal((ModerationTargets.Profile, author.Id, author.Id), (item.TargetType, item.TargetId, item.AuthorId));
        Assert.Equal("Display name: Posting Pat", (await _app.WithDbAsync(db => db.Flags.SingleAsync())).Snapshot);
    }

    [Fact]
    public async Task Flagging_is_rate_limited_and_needs_a_confirmed_email()
    {
        _app.Settings["Moderation:FlagsPerHour"] = "2";
        var group = await _app.CreateGroupAsync();
        var author = await _app.CreateUserAsync();
        await _app.AddMemberAsync(group, author);
        var thread = await _app.CreateThreadAsync(group, author, posts: 3);
        var posts = await _app.PostsAsync(thread.Id);
        var flagger = await _app.SignedInBrowserAsync(await _app.CreateUserAsync());

        await flagger.FlagAsync("post", posts[0].Id);
        await flagger.FlagAsync("post", posts[1].Id);
        var third = await flagger.FlagAsync("post", posts[2].Id);

        Assert.Contains("flagged a lot in the last hour", third.TextOf("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal(2, await _app.WithDbAsync(db => db.Flags.CountAsync()));

        var unconfirmed = await _app.SignedInBrowserAsync(await _app.CreateUserAsync(confirmed: false));
        var refused = await unconfirmed.GetAsync($"/flag/post/{posts[0].Id}");
        Assert.Equal("/Identity/Account/ConfirmEmailRequired", refused.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Flags_on_one_target_gather_into_one_item_and_crisis_comes_first()
    {
        var group = await _app.CreateGroupAsync();
        var author = await _app.CreateUserAsync();
        await _app.AddMemberAsync(group, author);
        var thread = await _app.CreateThreadAsync(group, author, posts: 2);
        var posts = await _app.PostsAsync(thread.Id);
        var flaggers = new List<HttpClient>();
        for (var i = 0; i < 2; i++)
        {
            flaggers.Add(await _app.SignedInBrowserAsync(await _app.CreateUserAsync()));
        }

        // Oldest first would put the single-flag post first; the heavier item must come before it.
        var third = await _app.CreateThreadAsync(group, author, title: "Third");
        await flaggers[0].FlagAsync("post", (await _app.PostsAsync(third.Id))[0].Id, "OffTopic");
        await flaggers[0].FlagAsync("post", posts[0].Id, "SpamOrDrugs");
        await flaggers[1].FlagAsync("post", posts[0].Id, "SpamOrDrugs");
        await flaggers[0].FlagAsync("post", posts[1].Id, "Crisis");

        Assert.Equal(3, await _app.WithDbAsync(db => db.ReviewItems.CountAsync()));
        var moderator = await _app.SiteModeratorAsync();
        var queue = await moderator.GetPageAsync("/moderation");
        var rows = queue.QuerySelectorAll(".queue > li");
        Assert.Equal(3, rows.Length);
        Assert.StartsWith("Crisis:", rows[0].TextOf("h2 a"), StringComparison.Ordinal);
        Assert.Contains("2 flags", rows[1].TextOf(".meta"), StringComparison.Ordinal);
        Assert.Contains("1 flag,", rows[2].TextOf(".meta"), StringComparison.Ordinal);
        Assert.Contains("1 crisis", queue.TextOf("[role=status]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enough_weight_hides_a_post_while_it_waits_and_the_author_is_told_kindly()
    {
        _app.Settings["Moderation:AutoHideScore"] = "2";
        var (post, author, authorBrowser) = await PostAsync();

        await (await _app.SignedInBrowserAsync(await _app.CreateUserAsync())).FlagAsync("post", post.Id);
        Assert.Equal(ContentState.Visible, (await _app.WithDbAsync(db => db.Posts.SingleAsync(p => p.Id == post.Id))).State);
        await (await _app.SignedInBrowserAsync(await _app.CreateUserAsync())).FlagAsync("post", post.Id);

        Assert.Equal(ContentState.Hidden, (await _app.WithDbAsync(db => db.Posts.SingleAsync(p => p.Id == post.Id))).State);
        Assert.True((await _app.OnlyItemAsync()).AutoHidden);
        var notice = await _app.WithDbAsync(db => db.Notifications.SingleAsync(n => n.UserId == author.Id));
        Assert.Equal(NotificationKind.ModerationNotice, notice.Kind);
        Assert.Contains("you can still edit it", notice.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await authorBrowser.GetAsync($"/posts/{post.Id}/edit")).StatusCode);
    }
}
