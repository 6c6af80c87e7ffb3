using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Tests.Infrastructure;
using OffBenzos.Community.Web.Authorization;

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
}
