using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Forum;
using OffBenzos.Community.Web.Groups;
using OffBenzos.Community.Web.Moderation;

namespace OffBenzos.Community.BrowserTests.Infrastructure;

/// <summary>Arranging data directly, for what a journey starts from rather than what it is about.</summary>
public static class Fixtures
{
    private static int _groupNumber;

    public static async Task<Group> CreateGroupAsync(this BrowserApp app, string? name = null, string description = "A place to talk.",
        string rules = "Be kind to each other. No dosing advice: talk to your prescriber.")
    {
        ArgumentNullException.ThrowIfNull(app);
        var number = Interlocked.Increment(ref _groupNumber);
        var group = new Group
        {
            Name = name ?? $"Group {number}",
            Slug = $"group-{number}-{Guid.NewGuid().ToString("N")[..6]}",
            Description = description,
            Rules = rules,
            Visibility = GroupVisibility.Public,
            JoinPolicy = GroupJoinPolicy.Open,
            CreatedAt = app.Clock.GetUtcNow(),
        };
        await app.WithDbAsync(db =>
        {
            db.Groups.Add(group);
            return db.SaveChangesAsync();
        });
        return group;
    }

    public static Task AddMemberAsync(this BrowserApp app, Group group, BrowserApp.TestUser user, GroupRole role = GroupRole.Member)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(user);
        return app.WithDbAsync(db =>
        {
            db.GroupMemberships.Add(new GroupMembership
            {
                GroupId = group.Id,
                UserId = user.Id,
                Role = role,
                State = MembershipState.Active,
                RequestedAt = app.Clock.GetUtcNow(),
                JoinedAt = app.Clock.GetUtcNow(),
            });
            return db.SaveChangesAsync();
        });
    }

    /// <summary>A thread by <paramref name="author"/>, written through the real service, with <paramref name="replies"/> as further posts.</summary>
    public static async Task<ForumThread> CreateThreadAsync(this BrowserApp app, Group group, BrowserApp.TestUser author,
        string title = "Tapering questions", string body = "Down to 4 mg diazepam this week. Sleep is patchy but better than last month.",
        params (BrowserApp.TestUser Author, string Body)[] replies)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(author);
        ArgumentNullException.ThrowIfNull(replies);
        await using var scope = app.Services.CreateAsyncScope();
        var forum = scope.ServiceProvider.GetRequiredService<ForumService>();
        var db = scope.ServiceProvider.GetRequiredService<CommunityDb>();
        var first = await forum.StartThreadAsync(await StandingAsync(db, group, author.Id), title, body, Guid.NewGuid(), trusted: true);
        Assert.True(first.Succeeded, string.Join(" ", first.Errors.Values));
        var thread = await db.Threads.AsNoTracking().SingleAsync(t => t.Id == first.Post!.ThreadId);
        foreach (var (replier, text) in replies)
        {
            var reply = await forum.ReplyAsync(await StandingAsync(db, group, replier.Id), thread, text, Guid.NewGuid(), null, trusted: true);
            Assert.True(reply.Succeeded, string.Join(" ", reply.Errors.Values));
        }
        return await db.Threads.AsNoTracking().SingleAsync(t => t.Id == thread.Id);
    }

    /// <summary>Flags a post through the real flag service, as the flag form does.</summary>
    public static async Task FlagPostAsync(this BrowserApp app, BrowserApp.TestUser flagger, int postId, FlagReason reason = FlagReason.OffTopic)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(flagger);
        await using var scope = app.Services.CreateAsyncScope();
        var id = postId.ToString(CultureInfo.InvariantCulture);
        var target = await scope.ServiceProvider.GetRequiredService<ModerationTargetLoader>().LoadAsync(ModerationTargets.Post, id);
        Assert.NotNull(target);
        Assert.Null(await scope.ServiceProvider.GetRequiredService<FlagService>().FlagAsync(flagger.Id, target, reason, null));
    }

    public static Task<List<Post>> PostsAsync(this BrowserApp app, int threadId)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.WithDbAsync(db => db.Posts.AsNoTracking().Where(p => p.ThreadId == threadId).OrderBy(p => p.Number).ToListAsync());
    }

    /// <summary>Sets the member's time zone, as the profile page does (it takes effect at their next sign-in).</summary>
    public static Task SetTimeZoneAsync(this BrowserApp app, BrowserApp.TestUser user, string zone)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(user);
        return app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.TimeZoneId, zone)));
    }

    public static string ThreadPath(Group group, int threadId)
    {
        ArgumentNullException.ThrowIfNull(group);
        return $"/groups/{group.Slug}/threads/{threadId}";
    }

    private static async Task<GroupAccess.Standing> StandingAsync(CommunityDb db, Group group, string userId)
    {
        var membership = await db.GroupMemberships.AsNoTracking().SingleOrDefaultAsync(m => m.GroupId == group.Id && m.UserId == userId);
        return new GroupAccess.Standing(group, userId, membership, false, true);
    }
}
