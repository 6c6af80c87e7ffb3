using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OffBenzos.Community.Tests.Infrastructure;
using OffBenzos.Community.Web.Authorization;
using OffBenzos.Community.Web.Forum;
using OffBenzos.Community.Web.Groups;

namespace OffBenzos.Community.Tests.Forum;

public sealed class ThreadTests : IDisposable
{
    private readonly CommunityApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<(Group Group, CommunityApp.TestUser User, HttpClient Browser)> MemberAsync(string name = "Tapering Tess")
    {
        var group = await _app.CreateGroupAsync();
        var user = await _app.CreateUserAsync(displayName: name);
        await _app.AddMemberAsync(group, user);
        return (group, user, await _app.SignedInBrowserAsync(user));
    }

    [Fact]
    public async Task A_member_starts_a_thread_and_another_replies_and_quotes()
    {
        var (group, author, browser) = await MemberAsync();
        var created = await browser.SubmitFormAsync($"/groups/{group.Slug}/new", new()
        {
            ["Title"] = "Cutting 10% every four weeks",
            ["Body"] = "Has anyone tried **holding** for longer between cuts?",
        }, "main form");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var threadPage = await browser.FollowAsync(created);
        Assert.Equal("Cutting 10% every four weeks", threadPage.TextOf("h1"));
        Assert.Equal("holding", threadPage.TextOf(".post-body strong"));

        var replier = await _app.CreateUserAsync(displayName: "Steady Sam");
        await _app.AddMemberAsync(group, replier);
        var replierBrowser = await _app.SignedInBrowserAsync(replier);
        var firstPost = (await _app.PostsAsync((await _app.WithDbAsync(db => db.Threads.SingleAsync())).Id))[0];
        var threadUrl = ForumFixtures.ThreadUrl(group, firstPost.ThreadId);

        var quoting = await replierBrowser.GetPageAsync($"{threadUrl}?page=1&quote={firstPost.Id}");
        Assert.Contains("> **Tapering Tess** wrote:", quoting.QuerySelector("#Body")!.TextContent, StringComparison.Ordinal);
        var replied = await replierBrowser.SubmitFormAsync(quoting, new() { ["Body"] = quoting.QuerySelector("#Body")!.TextContent + "Yes, I hold two weeks extra." }, "#reply form");
        var page = await replierBrowser.FollowAsync(replied);

        var posts = page.QuerySelectorAll("li.post");
        Assert.Equal(2, posts.Length);
        Assert.Contains("in reply to Tapering Tess's post #1", posts[1].TextOf(".post-meta"), StringComparison.Ordinal);
        Assert.NotNull(posts[1].QuerySelector(".post-body blockquote"));

        var list = await browser.GetPageAsync($"/groups/{group.Slug}");
        Assert.Contains("1 reply", list.TextOf(".thread-row .meta"), StringComparison.Ordinal);
        Assert.NotNull(list.QuerySelector(".thread-row.unread"));
    }

    [Theory]
    [InlineData("Hey", "Some words", "Title", "5 to 150 characters")]
    [InlineData("A good title here", "   \n  ", "Body", "Please write something")]
    public async Task Invalid_threads_are_refused_with_a_reason_and_the_text_kept(string title, string body, string field, string expected)
    {
        var (group, _, browser) = await MemberAsync();

        var response = await browser.SubmitFormAsync($"/groups/{group.Slug}/new", new() { ["Title"] = title, ["Body"] = body }, "main form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains(expected, page.TextOf(field == "Title" ? "#title-error" : "#body-error"), StringComparison.Ordinal);
        Assert.Equal(title, page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Title")!.Value);
        Assert.False(await _app.WithDbAsync(db => db.Threads.AnyAsync()));
    }

    [Fact]
    public async Task Too_long_or_too_many_links_is_refused_and_the_text_kept()
    {
        var (group, user, browser) = await MemberAsync();
        var thread = await _app.CreateThreadAsync(group, user);
        var url = ForumFixtures.ThreadUrl(group, thread.Id) + "?page=1";

        var tooLong = new string('a', 20_001);
        var first = await (await browser.SubmitFormAsync(url, new() { ["Body"] = tooLong }, "#reply form")).ParseAsync();
        Assert.Contains("up to 20,000 characters", first.TextOf("#body-error"), StringComparison.Ordinal);
        Assert.Equal(tooLong, first.QuerySelector("#Body")!.TextContent);

        var links = string.Join(" ", Enumerable.Range(1, 11).Select(i => $"https://example.org/{i}"));
        var second = await (await browser.SubmitFormAsync(url, new() { ["Body"] = links }, "#reply form")).ParseAsync();
        Assert.Contains("up to 10 links", second.TextOf("#body-error"), StringComparison.Ordinal);
        Assert.Single(await _app.PostsAsync(thread.Id));
    }

    [Fact]
    public async Task Submitting_the_same_form_twice_makes_one_post()
    {
        var (group, user, browser) = await MemberAsync();
        var thread = await _app.CreateThreadAsync(group, user);
        var page = await browser.GetPageAsync(ForumFixtures.ThreadUrl(group, thread.Id) + "?page=1");

        var first = await browser.SubmitFormAsync(page, new() { ["Body"] = "Sent once, clicked twice." }, "#reply form");
        var second = await browser.SubmitFormAsync(page, new() { ["Body"] = "Sent once, clicked twice." }, "#reply form");

        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(2, (await _app.PostsAsync(thread.Id)).Count);
    }

    [Fact]
    public async Task Threads_read_in_pages_of_twenty_with_stable_links_and_return_to_the_first_unread()
    {
        var (group, author, _) = await MemberAsync();
        var thread = await _app.CreateThreadAsync(group, author, posts: 45);
        var posts = await _app.PostsAsync(thread.Id);
        var reader = await _app.CreateUserAsync();
        await _app.AddMemberAsync(group, reader);
        var browser = await _app.SignedInBrowserAsync(reader);
        var url = ForumFixtures.ThreadUrl(group, thread.Id);

        var third = await browser.GetPageAsync(url + "?page=3");
        Assert.Equal(["Post number 41", "Post number 42", "Post number 43", "Post number 44", "Post number 45"],
            third.QuerySelectorAll("li.post .post-body").Select(b => b.TextContent.Trim()));
        Assert.Equal("Page 3 of 3", third.TextOf(".pager [aria-current=page]"));

        var permalink = await browser.GetAsync($"/posts/{posts[25].Id}");
        Assert.Equal($"{url}?page=2#post-{posts[25].Id}", permalink.Headers.Location?.OriginalString);

        // Having read page 3, nothing is unread: the thread opens where asked.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(url)).StatusCode);

        // A new member who read only page 1 is taken to post 21.
        var other = await _app.CreateUserAsync();
        await _app.AddMemberAsync(group, other);
        var otherBrowser = await _app.SignedInBrowserAsync(other);
        await otherBrowser.GetPageAsync(url + "?page=1");
        var back = await otherBrowser.GetAsync(url);
        Assert.Equal($"{url}?page=2#post-{posts[20].Id}", back.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Editing_keeps_the_earlier_version_for_the_author_and_moderators_only()
    {
        var (group, author, browser) = await MemberAsync();
        var thread = await _app.CreateThreadAsync(group, author);
        var post = (await _app.PostsAsync(thread.Id))[0];

        var saved = await browser.SubmitFormAsync($"/posts/{post.Id}/edit", new() { ["Body"] = "Post number 1, now with more detail." }, "main form");
        var page = await browser.FollowAsync(saved);
        Assert.Contains("edited", page.TextOf("li.post .post-meta"), StringComparison.Ordinal);
        Assert.Equal("Post number 1, now with more detail.", page.TextOf("li.post .post-body"));

        var revisions = await browser.GetPageAsync($"/posts/{post.Id}/revisions");
        Assert.Equal("Post number 1", revisions.TextOf(".revision .post-body"));

        var other = await _app.CreateUserAsync();
        await _app.AddMemberAsync(group, other);
        var otherBrowser = await _app.SignedInBrowserAsync(other);
        Assert.Contains("AccessDenied", (await otherBrowser.GetAsync($"/posts/{post.Id}/revisions")).Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await otherBrowser.GetAsync($"/posts/{post.Id}/edit")).StatusCode);

        var moderator = await _app.CreateUserAsync();
        await _app.AddMemberAsync(group, moderator, GroupRole.Moderator);
        Assert.Equal(HttpStatusCode.OK, (await (await _app.SignedInBrowserAsync(moderator)).GetAsync($"/posts/{post.Id}/revisions")).StatusCode);
    }

    [Fact]
    public async Task A_removed_post_shows_as_removed_by_its_author_but_moderators_still_see_it()
    {
        var (group, author, browser) = await MemberAsync();
        var thread = await _app.CreateThreadAsync(group, author, posts: 2);
        var post = (await _app.PostsAsync(thread.Id))[1];
        var url = ForumFixtures.ThreadUrl(group, thread.Id) + "?page=1";

        await browser.PressAsync(url, $"#post-{post.Id} button[formaction*=RemoveOwn]");

        var reader = await _app.CreateUserAsync();
        var readerPage = await (await _app.SignedInBrowserAsync(reader)).GetPageAsync(url);
        Assert.Equal("This post was removed by its author.", readerPage.TextOf($"#post-{post.Id} .removed-note"));
        Assert.DoesNotContain("Post number 2", readerPage.Body!.TextContent, StringComparison.Ordinal);

        var moderator = await _app.CreateUserAsync();
        await _app.AddMemberAsync(group, moderator, GroupRole.Moderator);
        var moderatorPage = await (await _app.SignedInBrowserAsync(moderator)).GetPageAsync(url);
        Assert.Equal("Post number 2", moderatorPage.TextOf($"#post-{post.Id} .moderator-view .post-body"));
    }

    [Fact]
    public async Task Reactions_are_one_of_each_kind_per_member_with_counts_and_names()
    {
        var (group, author, _) = await MemberAsync();
        var thread = await _app.CreateThreadAsync(group, author);
        var post = (await _app.PostsAsync(thread.Id))[0];
        var url = ForumFixtures.ThreadUrl(group, thread.Id) + "?page=1";
        var fan = await _app.CreateUserAsync(displayName: "Warm Hugs");
        await _app.AddMemberAsync(group, fan);
        var browser = await _app.SignedInBrowserAsync(fan);

        // A button per kind; each sends its own kind, with the page's one token.
        var reactions = $"#post-{post.Id} button[formaction*='handler=React']";
        var before = await browser.GetPageAsync(url);
        Assert.Equal(["Support", "Hug", "SameHere"], before.QuerySelectorAll($"{reactions}[name=kind]").Select(b => b.GetAttribute("value")));
        await browser.PressAsync(url, $"{reactions}[value=Hug]");
        await browser.PressAsync(url, $"{reactions}[value=Support]");
        var page = await browser.GetPageAsync(url);
        Assert.Equal("true", page.QuerySelector($"{reactions}[value=Hug]")!.GetAttribute("aria-pressed"));
        Assert.Equal("false", page.QuerySelector($"{reactions}[value=SameHere]")!.GetAttribute("aria-pressed"));
        Assert.Equal("1", page.TextOf($"{reactions}[value=Hug] .count"));
        Assert.All(page.QuerySelectorAll("li.post button[type=submit]"), b => Assert.Equal("posts-form", b.GetAttribute("form")));
        Assert.Single(page.QuerySelectorAll("#posts-form input[name=__RequestVerificationToken]"));

        // Pressing again takes it back: never two of one kind.
        await browser.PressAsync(url, $"{reactions}[value=Hug]");
        Assert.Equal(1, await _app.WithDbAsync(db => db.Reactions.CountAsync()));

        var who = await browser.GetPageAsync($"/posts/{post.Id}/reactions");
        Assert.Equal("Warm Hugs", who.TextOf(".reactors li"));
    }

    [Fact]
    public async Task Reaction_counts_add_up_across_members_and_each_reader_sees_only_their_own_as_pressed()
    {
        var (group, author, _) = await MemberAsync();
        var thread = await _app.CreateThreadAsync(group, author, posts: 2);
        var (first, second) = (await _app.PostsAsync(thread.Id)) is [var a, var b] ? (a, b) : throw new InvalidOperationException();
        var url = ForumFixtures.ThreadUrl(group, thread.Id) + "?page=1";
        var readers = new List<HttpClient>();
        foreach (var name in new[] { "Calm Cara", "Quiet Quinn", "Gentle Gil" })
        {
            var member = await _app.CreateUserAsync(displayName: name);
            await _app.AddMemberAsync(group, member);
            readers.Add(await _app.SignedInBrowserAsync(member));
        }
        string Button(ReactionKind kind, int postId) => $"#post-{postId} button[formaction*='handler=React'][value={kind}]";

        // Cara: Hug and Support on the first post. Quinn: Hug and Same here on it. Gil: Same here on the second only.
        await readers[0].PressAsync(url, Button(ReactionKind.Hug, first.Id));
        await readers[0].PressAsync(url, Button(ReactionKind.Support, first.Id));
        await readers[1].PressAsync(url, Button(ReactionKind.Hug, first.Id));
        await readers[1].PressAsync(url, Button(ReactionKind.SameHere, first.Id));
        await readers[2].PressAsync(url, Button(ReactionKind.SameHere, second.Id));

        var quinn = await readers[1].GetPageAsync(url);
        Assert.Equal(["2", "1", "1"], new[] { ReactionKind.Hug, ReactionKind.Support, ReactionKind.SameHere }.Select(k => quinn.TextOf(Button(k, first.Id) + " .count")));
        Assert.Equal(["true", "false", "true"], new[] { ReactionKind.Hug, ReactionKind.Support, ReactionKind.SameHere }.Select(k => quinn.QuerySelector(Button(k, first.Id))!.GetAttribute("aria-pressed")));
        Assert.All(Enum.GetValues<ReactionKind>(), k => Assert.Equal("false", quinn.QuerySelector(Button(k, second.Id))!.GetAttribute("aria-pressed")));
        Assert.Equal("1", quinn.TextOf(Button(ReactionKind.SameHere, second.Id) + " .count"));
        Assert.Null(quinn.QuerySelector(Button(ReactionKind.Hug, second.Id) + " .count"));

        var gil = await readers[2].GetPageAsync(url);
        Assert.Equal("true", gil.QuerySelector(Button(ReactionKind.SameHere, second.Id))!.GetAttribute("aria-pressed"));
        Assert.All(Enum.GetValues<ReactionKind>(), k => Assert.Equal("false", gil.QuerySelector(Button(k, first.Id))!.GetAttribute("aria-pressed")));

        // Someone signed out sees the counts as text, and nothing pressed.
        var visitor = await _app.CreateBrowser().GetPageAsync(url);
        Assert.Equal(["Support 1", "Hug 2", "Same here 1"], visitor.QuerySelectorAll($"#post-{first.Id} .reactions span.reaction").Select(r => r.TextContent.Trim()));
        Assert.Empty(visitor.QuerySelectorAll("[aria-pressed]"));
    }

    [Fact]
    public async Task Each_post_shows_its_authors_badge_from_their_site_role_or_their_role_in_this_group()
    {
        var group = await _app.CreateGroupAsync();
        var otherGroup = await _app.CreateGroupAsync(name: "Evening check-ins");
        var authors = new[]
        {
            (User: await _app.CreateUserAsync(displayName: "Site Moderator Mo", roles: SiteRoles.Moderator), Role: GroupRole.Member, Badge: "Moderator"),
            (User: await _app.CreateUserAsync(displayName: "Site Coach Cass", roles: SiteRoles.Coach), Role: GroupRole.Member, Badge: "Coach"),
            (User: await _app.CreateUserAsync(displayName: "Group Mod Gwen"), Role: GroupRole.Moderator, Badge: "Group moderator"),
            (User: await _app.CreateUserAsync(displayName: "Group Coach Gus"), Role: GroupRole.Coach, Badge: "Coach"),
            (User: await _app.CreateUserAsync(displayName: "Plain Pat"), Role: GroupRole.Member, Badge: (string?)null),
        };
        foreach (var (user, role, _) in authors)
        {
            await _app.AddMemberAsync(group, user, role);
        }
        // A moderator of another group is a plain member here.
        var elsewhere = authors[4].User;
        await _app.AddMemberAsync(otherGroup, elsewhere, GroupRole.Moderator);

        var thread = await _app.CreateThreadAsync(group, authors[0].User);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var forum = scope.ServiceProvider.GetRequiredService<ForumService>();
            foreach (var (user, role, _) in authors.Skip(1))
            {
                var membership = new GroupMembership { GroupId = group.Id, UserId = user.Id, Role = role, State = MembershipState.Active, RequestedAt = _app.Clock.GetUtcNow() };
                var reply = await forum.ReplyAsync(new GroupAccess.Standing(group, user.Id, membership, false, true), thread, $"Hello from {user.DisplayName}", Guid.NewGuid(), null, trusted: true);
                Assert.True(reply.Succeeded);
            }
        }

        var page = await _app.CreateBrowser().GetPageAsync(ForumFixtures.ThreadUrl(group, thread.Id) + "?page=1");
        var posts = page.QuerySelectorAll("li.post");
        Assert.Equal(authors.Select(a => a.User.DisplayName), posts.Select(p => p.TextOf(".author")));
        Assert.Equal(authors.Select(a => a.Badge), posts.Select(p => p.QuerySelector(".post-meta .tag-staff")?.TextContent));

        // Each post's time for assistive technology: ISO 8601 in UTC, to the millisecond.
        var stored = await _app.PostsAsync(thread.Id);
        Assert.Equal(
            stored.Select(p => p.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture)),
            posts.Select(p => p.QuerySelector(".post-meta time")!.GetAttribute("datetime")));
    }

    [Fact]
    public async Task Unconfirmed_members_read_but_the_composer_says_why_they_cannot_post_and_keeps_their_text()
    {
        var group = await _app.CreateGroupAsync();
        var author = await _app.CreateUserAsync();
        await _app.AddMemberAsync(group, author);
        var thread = await _app.CreateThreadAsync(group, author);
        var unconfirmed = await _app.CreateUserAsync(confirmed: false);
        await _app.AddMemberAsync(group, unconfirmed);
        var browser = await _app.SignedInBrowserAsync(unconfirmed);
        var url = ForumFixtures.ThreadUrl(group, thread.Id) + "?page=1";

        var page = await browser.GetPageAsync(url);
        Assert.Contains("confirm your e-mail", page.TextOf("#reply .notice"), StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("button[formaction*='handler=React']"));

        // A hand-made reply with the member's own valid form token is refused, and the text comes back.
        var token = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var forced = await browser.PostAsync(url, new FormUrlEncodedContent([new("Body", "Let me in please"), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        var refused = await forced.ParseAsync();
        Assert.Contains("confirm your e-mail", refused.TextOf("#reply .notice"), StringComparison.Ordinal);
        Assert.Single(await _app.PostsAsync(thread.Id));
    }

    [Fact]
    public async Task Hostile_markup_in_a_post_is_stored_and_shown_inert()
    {
        var (group, _, browser) = await MemberAsync();

        var created = await browser.SubmitFormAsync($"/groups/{group.Slug}/new", new()
        {
            ["Title"] = "<script>alert(1)</script> title",
            ["Body"] = "<script>alert(1)</script> [click](javascript:alert(1)) ![x](https://tracker.example/pixel.png) <img src=x onerror=alert(1)>",
        }, "main form");
        var page = await browser.FollowAsync(created);

        Assert.Empty(page.QuerySelectorAll("main script, main img, main [onerror]"));
        Assert.Equal("<script>alert(1)</script> title", page.TextOf("h1"));
        Assert.DoesNotContain(page.QuerySelectorAll(".post-body a"), a => (a.GetAttribute("href") ?? "").Contains("javascript", StringComparison.OrdinalIgnoreCase));
        var stored = await _app.WithDbAsync(db => db.Posts.SingleAsync());
        Assert.DoesNotContain("<script", stored.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", stored.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Saved_posts_are_listed_on_the_bookmarks_page()
    {
        var (group, user, browser) = await MemberAsync();
        var thread = await _app.CreateThreadAsync(group, user, title: "Worth keeping");
        var post = (await _app.PostsAsync(thread.Id))[0];

        await browser.PressAsync(ForumFixtures.ThreadUrl(group, thread.Id) + "?page=1", $"#post-{post.Id} button[formaction*=Bookmark]");

        var saved = await browser.GetPageAsync("/bookmarks");
        Assert.Equal("Worth keeping", saved.TextOf(".thread-title"));
    }
}
