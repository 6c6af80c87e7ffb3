using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Groups;

namespace OffBenzos.Community.Web.Forum;

/// <summary>
/// Live updates for open threads. A browser asks to watch a thread; the hub checks, from the
/// database and the signed-in user only, that the reader may read it, then adds the connection to
/// the thread's group. Nothing is kept on the hub.
/// </summary>
[Authorize]
public sealed class ForumHub(CommunityDb db, GroupAccess access, Moderation.ModeratorScope scopes) : Hub<IForumClient>
{
    public static string ThreadGroup(int threadId) => $"thread:{threadId}";

    /// <summary>Returns false (and watches nothing) when the thread is not readable by the caller.</summary>
    public async Task<bool> WatchThread(int threadId)
    {
        var thread = await db.Threads.AsNoTracking().Where(t => t.Id == threadId)
            .Select(t => new { t.GroupId, t.State }).SingleOrDefaultAsync();
        if (thread is null)
        {
            return false;
        }
        var standing = await access.ForGroupIdAsync(thread.GroupId);
        if (standing is null || !standing.CanRead || (thread.State != ContentState.Visible && !standing.CanModerate))
        {
            return false;
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, ThreadGroup(threadId));
        return true;
    }

    /// <summary>Moderators watch the queue: site moderators all of it, group moderators their groups' items.</summary>
    public async Task<bool> WatchQueue()
    {
        if (await scopes.GetAsync() is not { Any: true } scope)
        {
            return false;
        }
        if (scope.IsSiteModerator)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, Moderation.SignalRModerationNotifier.SiteModerators);
            if (await db.Users.AnyAsync(u => u.Id == scope.UserId && u.OnDuty))
            {
                await Groups.AddToGroupAsync(Context.ConnectionId, Moderation.SignalRModerationNotifier.OnDuty);
            }
        }
        foreach (var groupId in scope.GroupIds)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, Moderation.SignalRModerationNotifier.GroupModerators(groupId));
        }
        return true;
    }

    public Task UnwatchThread(int threadId) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, ThreadGroup(threadId));
}
