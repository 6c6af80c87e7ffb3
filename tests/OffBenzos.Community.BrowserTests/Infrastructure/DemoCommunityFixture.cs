using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Moderation;

namespace OffBenzos.Community.BrowserTests.Infrastructure;

/// <summary>
/// The app with its own demo community (groups, threads, a lived-in chat room, sessions coming up),
/// so that pages are checked and photographed as members see them. Tests sign in as the demo
/// people; nothing here changes the community after it starts.
/// </summary>
public sealed class DemoCommunityFixture : BrowserFixture
{
    public DemoCommunityFixture()
        : base(new Dictionary<string, string?> { ["Community:SeedDemoContent"] = "true" })
    {
    }

    /// <summary>Willow, a member of the demo groups.</summary>
    public BrowserApp.TestUser Member { get; private set; } = null!;

    /// <summary>Sam Okafor, a site moderator with an authenticator app.</summary>
    public BrowserApp.TestUser Moderator { get; private set; } = null!;

    public string ModeratorKey { get; private set; } = "";

    /// <summary>The first thread of the "Tapering together" group, with replies.</summary>
    public string ThreadPath { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Member = await DemoAccountAsync("willow@demo.offbenzos.invalid");
        Moderator = await DemoAccountAsync("moderator@demo.offbenzos.invalid");
        ModeratorKey = await App.EnableTwoFactorAsync(Moderator);
        var (threadId, postId) = await App.WithDbAsync(async db =>
        {
            var groupId = await db.Groups.Where(g => g.Slug == "tapering-together").Select(g => g.Id).SingleAsync();
            var thread = await db.Threads.AsNoTracking().Where(t => t.GroupId == groupId).OrderBy(t => t.Id).FirstAsync();
            var post = await db.Posts.AsNoTracking().Where(p => p.ThreadId == thread.Id).OrderBy(p => p.Number).Skip(1).FirstAsync();
            return (thread.Id, post.Id);
        });
        ThreadPath = $"/groups/tapering-together/threads/{threadId}";
        // Something waits in the review queue, so the moderator's page shows a queue.
        await App.FlagPostAsync(Member, postId, FlagReason.OffTopic);
    }

    /// <summary>A demo account with a known passphrase (the seeder's own are printed once and never kept).</summary>
    private async Task<BrowserApp.TestUser> DemoAccountAsync(string email) =>
        await App.WithServiceAsync<UserManager<CommunityUser>, BrowserApp.TestUser>(async users =>
        {
            var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No demo account {email}.");
            await users.RemovePasswordAsync(user);
            var added = await users.AddPasswordAsync(user, BrowserApp.DefaultPassword);
            Assert.True(added.Succeeded, string.Join(" ", added.Errors.Select(e => e.Description)));
            return new BrowserApp.TestUser(user.Id, email, user.DisplayName, BrowserApp.DefaultPassword);
        });
}
