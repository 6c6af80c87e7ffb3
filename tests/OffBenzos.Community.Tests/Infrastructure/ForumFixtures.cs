using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OffBenzos.Community.Web.Forum;
using OffBenzos.Community.Web.Groups;

namespace OffBenzos.Community.Tests.Infrastructure;

/// <summary>Arranging forum data directly, for tests whose subject is something else.</summary>
public static class ForumFixtures
{
    private static int _groupNumber;

    public static async Task<Group> CreateGroupAsync(this CommunityApp app, string? name = null,
        GroupVisibility visibility = GroupVisibility.Public, GroupJoinPolicy joinPolicy = GroupJoinPolicy.Open, string rules = "Be kind to each other.")
    {
        var number = Interlocked.Increment(ref _groupNumber);
        var group = new Group
        {
            Name = name ?? $"Group {number}",
            Slug = $"group-{number}-{Guid.NewGuid().ToString("N")[..6]}",
            Description = "A place to talk.",
            Rules = rules,
            Visibility = visibility,
            JoinPolicy = joinPolicy,
            CreatedAt = app.Clock.GetUtcNow(),
        };
        await app.WithDbAsync(db =>
        {
            db.Groups.Add(group);
            return db.SaveChangesAsync();
        });
        return group;
    }

    public static Task AddMemberAsync(this CommunityApp app, Group group, CommunityApp.TestUser user, GroupRole role = GroupRole.Member) =>
        app.WithDbAsync(db =>
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

    /// <summary>A thread with <paramref name="posts"/> posts by <paramref name="author"/>, written through the real service.</summary>
    public static async Task<ForumThread> CreateThreadAsync(this CommunityApp app, Group group, CommunityApp.TestUser author, int posts = 1, string title = "Tapering questions")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var forum = scope.ServiceProvider.GetRequiredService<ForumService>();
        var db = scope.ServiceProvider.GetRequiredService<OffBenzos.Community.Web.Data.CommunityDb>();
        var membership = await db.GroupMemberships.AsNoTracking().SingleOrDefaultAsync(m => m.GroupId == group.Id && m.UserId == author.Id);
        var standing = new GroupAccess.Standing(group, author.Id, membership, false, true);
        var first = await forum.StartThreadAsync(standing, title, "Post number 1", Guid.NewGuid(), trusted: true);
        Assert.True(first.Succeeded, string.Join(" ", first.Errors.Values));
        var thread = await db.Threads.AsNoTracking().SingleAsync(t => t.Id == first.Post!.ThreadId);
        for (var n = 2; n <= posts; n++)
        {
            var reply = await forum.ReplyAsync(standing, thread, $"Post number {n}", Guid.NewGuid(), null, trusted: true);
            Assert.True(reply.Succeeded);
        }
        return await db.Threads.AsNoTracking().SingleAsync(t => t.Id == thread.Id);
    }

    public static Task<List<Post>> PostsAsync(this CommunityApp app, int threadId) =>
        app.WithDbAsync(db => db.Posts.AsNoTracking().Where(p => p.ThreadId == threadId).OrderBy(p => p.Number).ToListAsync());

    public static string ThreadUrl(Group group, int threadId) => $"/groups/{group.Slug}/threads/{threadId}";
}
