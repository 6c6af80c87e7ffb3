using System.Net.Http.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Tests.Infrastructure;
using OffBenzos.Community.Web.Groups;
using OffBenzos.Community.Web.Notifications;

namespace OffBenzos.Community.Tests.Forum;

public sealed class NotificationTests : IDisposable
{
    private readonly CommunityApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<(Group Group, int ThreadId, CommunityApp.TestUser Author, CommunityApp.TestUser Other, HttpClient OtherBrowser)> ArrangeAsync(GroupVisibility visibility = GroupVisibility.Public)
    {
        var group = await _app.CreateGroupAsync(visibility: visibility);
        var author = await _app.CreateUserAsync(displayName: "Hazel Grove");
        var other = await _app.CreateUserAsync(displayName: "Rowan Tree");
        await _app.AddMemberAsync(group, author);
        await _app.AddMemberAsync(group, other);
        var thread = await _app.CreateThreadAsync(group, author, title: "Sleep in week two");
        return (group, thread.Id, author, other, await _app.SignedInBrowserAsync(other));
    }

    private Task<List<Notification>> NotificationsForAsync(CommunityApp.TestUser user) =>
        _app.WithDbAsync(db => db.Notifications.Where(n => n.UserId == user.Id).ToListAsync());

    private static Task<HttpResponseMessage> ReplyAsync(HttpClient browser, Group group, int threadId, string body, string? query = null) =>
        browser.SubmitFormAsync(ForumFixtures.ThreadUrl(group, threadId) + "?page=1" + query, new() { ["Body"] = body }, "#reply form");

    [Fact]
    public async Task A_mention_notifies_the_member_named_and_shows_in_their_header_and_list()
    {
        var (group, threadId, author, _, otherBrowser) = await ArrangeAsync();

        await ReplyAsync(otherBrowser, group, threadId, "Thinking of you @[Hazel Grove], and also @nobody-here.");

        var mention = Assert.Single(await NotificationsForAsync(author), n => n.Kind == NotificationKind.Mention);
        Assert.Equal("Sleep in week two", mention.Summary);
        var authorBrowser = await _app.SignedInBrowserAsync(author);
        var home = await authorBrowser.GetPageAsync("/");
        Assert.Equal("Notifications, 1 unread", home.QuerySelector(".notifications-link")!.GetAttribute("aria-label"));

        var list = await authorBrowser.GetPageAsync("/notifications");
        Assert.Equal("Rowan Tree mentioned you in “Sleep in week two”", list.TextOf(".thread-row a"));
        Assert.True(list.QuerySelector(".thread-row")!.ClassList.Contains("unread"));
        // Opening the list marks them read, and the list's own header already says so.
        Assert.Equal("Notifications", list.QuerySelector(".notifications-link")!.GetAttribute("aria-label"));
        Assert.True(list.QuerySelector("[data-unread-count]")!.HasAttribute("hidden"));
        var after = await authorBrowser.GetPageAsync("/");
        Assert.Equal("Notifications", after.QuerySelector(".notifications-link")!.GetAttribute("aria-label"));
    }

    [Fact]
    public async Task A_reply_to_a_post_notifies_its_author_once_even_if_they_are_also_mentioned()
    {
        var (group, threadId, author, _, otherBrowser) = await ArrangeAsync();
        var first = (await _app.PostsAsync(threadId))[0];

        await ReplyAsync(otherBrowser, group, threadId, "Yes @[Hazel Grove], same for me.", $"&replyTo={first.Id}");

        var notice = Assert.Single(await NotificationsForAsync(author));
        Assert.Equal(NotificationKind.Mention, notice.Kind);
        Assert.Equal((await _app.PostsAsync(threadId))[1].Id, notice.PostId);
    }

    [Fact]
    public async Task Followers_hear_of_new_posts_but_not_of_their_own_and_muting_silences_even_replies()
    {
        var (group, threadId, author, other, otherBrowser) = await ArrangeAsync();
        var url = ForumFixtures.ThreadUrl(group, threadId) + "?page=1";
        await otherBrowser.SubmitFormAsync(url, new() { ["notify"] = "Following" }, "form.notify-form");

        var authorBrowser = await _app.SignedInBrowserAsync(author);
        await ReplyAsync(authorBrowser, group, threadId, "An update from me.");
        Assert.Equal(NotificationKind.FollowedThread, Assert.Single(await NotificationsForAsync(other)).Kind);
        Assert.Empty(await NotificationsForAsync(author));

        // The author (who follows their own thread) mutes it: not even a reply reaches them.
        await authorBrowser.SubmitFormAsync(url, new() { ["notify"] = "Muted" }, "form.notify-form");
        var first = (await _app.PostsAsync(threadId))[0];
        await ReplyAsync(otherBrowser, group, threadId, "Replying to you", $"&replyTo={first.Id}");
        Assert.Empty(await NotificationsForAsync(author));
    }

    [Fact]
    public async Task Muting_the_group_or_blocking_the_author_drops_notifications()
    {
        var (group, threadId, author, other, otherBrowser) = await ArrangeAsync();
        var authorBrowser = await _app.SignedInBrowserAsync(author);
        await authorBrowser.SubmitFormAsync($"/groups/{group.Slug}", [], "form[action*=Mute]");
        await ReplyAsync(otherBrowser, group, threadId, "Hello @[Hazel Grove]");
        Assert.Empty(await NotificationsForAsync(author));

        await authorBrowser.SubmitFormAsync($"/groups/{group.Slug}", [], "form[action*=Mute]");
        var posts = await _app.PostsAsync(threadId);
        await authorBrowser.PressAsync(ForumFixtures.ThreadUrl(group, threadId) + "?page=1", $"#post-{posts[1].Id} button[formaction*=Block]");
        await ReplyAsync(otherBrowser, group, threadId, "Hello again @[Hazel Grove]");
        Assert.Empty(await NotificationsForAsync(author));
        _ = other;
    }

    [Fact]
    public async Task A_member_who_cannot_read_a_members_only_group_is_not_told_about_it()
    {
        var (group, threadId, _, _, otherBrowser) = await ArrangeAsync(GroupVisibility.MembersOnly);
        var outsider = await _app.CreateUserAsync(displayName: "Outside Olive");

        await ReplyAsync(otherBrowser, group, threadId, "Would @[Outside Olive] know?");

        Assert.Empty(await NotificationsForAsync(outsider));
    }

    [Fact]
    public async Task Mention_suggestions_offer_matching_display_names_with_group_members_first()
    {
        var (group, _, _, _, otherBrowser) = await ArrangeAsync();
        await _app.CreateUserAsync(displayName: "Hazelnut Outsider");

        var names = await otherBrowser.GetFromJsonAsync<string[]>($"/api/mentions?q=haz&group={group.Id}");

        Assert.Equal(["Hazel Grove", "Hazelnut Outsider"], names!);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await _app.CreateBrowser().GetAsync("/api/mentions?q=haz")).StatusCode);
    }

    [Fact]
    public async Task Mention_suggestions_do_not_tell_an_outsider_who_belongs_to_a_members_only_group()
    {
        var (group, _, _, _, memberBrowser) = await ArrangeAsync(GroupVisibility.MembersOnly);
        await _app.CreateUserAsync(displayName: "Hazard Outsider");
        var outsider = await _app.SignedInBrowserAsync(await _app.CreateUserAsync(displayName: "Curious Cass"));
        var url = $"/api/mentions?q=haz&group={group.Id}";

        Assert.Equal(["Hazel Grove", "Hazard Outsider"], (await memberBrowser.GetFromJsonAsync<string[]>(url))!);
        // Members first would put Hazel ahead of the name before it in the alphabet: for an outsider, the alphabet alone.
        Assert.Equal(["Hazard Outsider", "Hazel Grove"], (await outsider.GetFromJsonAsync<string[]>(url))!);
    }

    [Fact]
    public async Task The_unread_count_arrives_live_on_the_members_open_pages()
    {
        var (group, threadId, author, _, otherBrowser) = await ArrangeAsync();
        var (_, cookie) = await _app.SignInAsync(author);
        var counts = Channel.CreateUnbounded<int>();
        await using var connection = _app.ConnectHub(cookie);
        connection.On<int>("UnreadNotifications", c => counts.Writer.TryWrite(c));
        await connection.StartAsync();

        await ReplyAsync(otherBrowser, group, threadId, "Hi @[Hazel Grove]");

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        Assert.Equal(1, await counts.Reader.ReadAsync(timeout.Token));
    }
}
