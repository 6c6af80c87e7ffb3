using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Tests.Infrastructure;
using AngleSharp.Dom;
using OffBenzos.Community.Web.Authorization;
using OffBenzos.Community.Web.Forum;

namespace OffBenzos.Community.Tests.Forum;

public sealed class BlockTests : IDisposable
{
    private readonly CommunityApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_blocked_members_posts_are_folded_away_for_the_blocker_only_and_can_be_unblocked()
    {
        var group = await _app.CreateGroupAsync();
        var troll = await _app.CreateUserAsync(displayName: "Loud Larry");
        var member = await _app.CreateUserAsync();
        var bystander = await _app.CreateUserAsync();
        await _app.AddMemberAsync(group, troll);
        await _app.AddMemberAsync(group, member);
        var thread = await _app.CreateThreadAsync(group, troll);
        var post = (await _app.PostsAsync(thread.Id))[0];
        var url = ForumFixtures.ThreadUrl(group, thread.Id) + "?page=1";
        var browser = await _app.SignedInBrowserAsync(member);

        await browser.PressAsync(url, $"#post-{post.Id} button[formaction*=Block]");

        var page = await browser.GetPageAsync(url);
        Assert.Equal("You blocked Loud Larry. Show this post", page.TextOf($"#post-{post.Id} .blocked-post summary"));
        var other = await (await _app.SignedInBrowserAsync(bystander)).GetPageAsync(url);
        Assert.Null(other.QuerySelector(".blocked-post"));

        var blocks = await browser.GetPageAsync("/blocks");
        Assert.Equal("Loud Larry", blocks.TextOf(".member-list strong"));
        await browser.SubmitFormAsync(blocks, [], "main form");
        Assert.False(await _app.WithDbAsync(db => db.MemberBlocks.AnyAsync()));
    }

    [Fact]
    public async Task Moderators_cannot_be_blocked()
    {
        var group = await _app.CreateGroupAsync();
        var moderator = await _app.CreateUserAsync(roles: SiteRoles.Moderator);
        var member = await _app.CreateUserAsync();
        await _app.AddMemberAsync(group, moderator);
        await _app.AddMemberAsync(group, member);
        var thread = await _app.CreateThreadAsync(group, moderator);
        var post = (await _app.PostsAsync(thread.Id))[0];
        var browser = await _app.SignedInBrowserAsync(member);

        var response = await browser.PressAsync(ForumFixtures.ThreadUrl(group, thread.Id) + "?page=1", $"#post-{post.Id} button[formaction*=Block]");

        var page = await browser.FollowAsync(response);
        Assert.Contains("Moderators can't be blocked", page.TextOf("[role=alert]"), StringComparison.Ordinal);
        Assert.False(await _app.WithDbAsync(db => db.MemberBlocks.AnyAsync()));
    }

    [Fact]
    public async Task A_held_posts_author_cannot_be_learned_by_blocking_or_replying_to_it()
    {
        var group = await _app.CreateGroupAsync();
        var author = await _app.CreateUserAsync(displayName: "Opening Olga");
        var held = await _app.CreateUserAsync(displayName: "Waiting Wendy");
        var member = await _app.CreateUserAsync();
        foreach (var user in new[] { author, held, member })
        {
            await _app.AddMemberAsync(group, user);
        }
        var thread = await _app.CreateThreadAsync(group, author, posts: 2);
        var heldPost = (await _app.PostsAsync(thread.Id))[1].Id;
        await _app.WithDbAsync(db => db.Posts.Where(p => p.Id == heldPost)
            .ExecuteUpdateAsync(p => p.SetProperty(x => x.AuthorId, held.Id).SetProperty(x => x.State, ContentState.PendingApproval)));
        var url = ForumFixtures.ThreadUrl(group, thread.Id) + "?page=1";
        var browser = await _app.SignedInBrowserAsync(member);
        var token = (await browser.GetPageAsync(url)).QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#posts-form input[name=__RequestVerificationToken]")!.Value;

        var blocked = await browser.PostAsync($"{ForumFixtures.ThreadUrl(group, thread.Id)}?handler=Block&postId={heldPost}&block=True",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, blocked.StatusCode);
        Assert.False(await _app.WithDbAsync(db => db.MemberBlocks.AnyAsync()));

        // The page does not offer it; a hand-made form sends it anyway.
        Assert.Null((await browser.GetPageAsync(url + $"&replyTo={heldPost}")).QuerySelector("#reply input[name=ReplyTo]"));
        await browser.SubmitFormAsync(url, new() { ["Body"] = "Answering the post I cannot see", ["ReplyTo"] = heldPost.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "#reply form");
        var reply = await _app.WithDbAsync(db => db.Posts.SingleAsync(p => p.ThreadId == thread.Id && p.Number == 3));
        Assert.Null(reply.ReplyToPostId);
        Assert.DoesNotContain("Waiting Wendy", (await browser.GetPageAsync(url)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
