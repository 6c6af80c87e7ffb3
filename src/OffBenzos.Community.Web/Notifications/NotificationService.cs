using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Authorization;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Forum;
using OffBenzos.Community.Web.Groups;

namespace OffBenzos.Community.Web.Notifications;

/// <summary>
/// Who hears about a new post: people it mentions, the author of the post it replies to, and those
/// who follow the thread. Never the author, never someone who muted the thread or the group or
/// blocked the author, never someone who may not read the group; at most one notice per person.
/// </summary>
public sealed class NotificationService(CommunityDb db, CurrentAccount current, INotificationNotifier notifier, TimeProvider clock, ILogger<NotificationService> logger)
{
    /// <summary>A notice's summary (a thread's title, say) is cut to this: the column's length.</summary>
    public const int SummaryMax = 200;

    public const int MaxMentionsNotified = 20;

    public async Task PostCreatedAsync(Post post, ForumThread thread, IReadOnlyList<string> mentionedNames)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(thread);
        var recipients = new Dictionary<string, NotificationKind>();

        var keys = mentionedNames.Take(MaxMentionsNotified).Select(DisplayNames.Key).Distinct().ToList();
        if (keys.Count > 0)
        {
            foreach (var id in await db.Users.Where(u => keys.Contains(u.DisplayNameKey)).Select(u => u.Id).ToListAsync())
            {
                recipients.TryAdd(id, NotificationKind.Mention);
            }
        }
        if (post.ReplyToPostId is { } repliedTo
            && await db.Posts.Where(p => p.Id == repliedTo).Select(p => p.AuthorId).FirstOrDefaultAsync() is { } repliedAuthor)
        {
            recipients.TryAdd(repliedAuthor, NotificationKind.Reply);
        }
        foreach (var follower in await db.ThreadReaders.Where(r => r.ThreadId == thread.Id && r.Notify == ThreadNotify.Following).Select(r => r.UserId).ToListAsync())
        {
            recipients.TryAdd(follower, NotificationKind.FollowedThread);
        }
        recipients.Remove(post.AuthorId);
        if (recipients.Count == 0)
        {
            return;
        }

        var ids = recipients.Keys.ToList();
        var group = await db.Groups.AsNoTracking().SingleAsync(g => g.Id == thread.GroupId);
        var memberships = await db.GroupMemberships.AsNoTracking()
            .Where(m => m.GroupId == group.Id && ids.Contains(m.UserId) && m.State == MembershipState.Active)
            .ToDictionaryAsync(m => m.UserId);
        var mutedThread = await db.ThreadReaders.Where(r => r.ThreadId == thread.Id && ids.Contains(r.UserId) && r.Notify == ThreadNotify.Muted).Select(r => r.UserId).ToListAsync();
        var blockedAuthor = await db.MemberBlocks.Where(b => b.BlockedId == post.AuthorId && ids.Contains(b.BlockerId)).Select(b => b.BlockerId).ToListAsync();

        var now = clock.GetUtcNow();
        var delivered = new List<string>();
        foreach (var (userId, kind) in recipients)
        {
            memberships.TryGetValue(userId, out var membership);
            var canRead = group.Visibility == GroupVisibility.Public || membership is not null;
            if (!canRead || membership?.Muted == true || mutedThread.Contains(userId) || blockedAuthor.Contains(userId))
            {
                continue;
            }
            db.Notifications.Add(new Notification
            {
                UserId = userId,
                Kind = kind,
                ActorId = post.AuthorId,
                PostId = post.Id,
                Summary = thread.Title.Length > SummaryMax ? thread.Title[..SummaryMax] : thread.Title,
                CreatedAt = now,
            });
            delivered.Add(userId);
        }
        await db.SaveChangesAsync();
        foreach (var userId in delivered)
        {
            await AnnounceAsync(userId);
        }
    }

    /// <summary>A single notice to one member (moderation notices, flag reviews), announced live.</summary>
    public async Task NotifyAsync(string userId, NotificationKind kind, string summary, string? detail = null, int? postId = null, string? actorId = null, string? appealKey = null, string? url = null)
    {
        db.Notifications.Add(new Notification
        {
            UserId = userId,
            Kind = kind,
            ActorId = actorId,
            PostId = postId,
            Summary = summary.Length > SummaryMax ? summary[..SummaryMax] : summary,
            Detail = detail is { Length: > 1000 } ? detail[..1000] : detail,
            AppealKey = appealKey,
            Url = url,
            CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync();
        await AnnounceAsync(userId);
    }

    /// <summary>The count sent live after a change (pages have it with the account's standing, <see cref="CurrentAccount"/>).</summary>
    private Task<int> UnreadCountAsync(string userId) => UnreadOf(db, userId);

    private static readonly Func<CommunityDb, string, Task<int>> UnreadOf = EF.CompileAsyncQuery(
        (CommunityDb db, string userId) => db.Notifications.Count(n => n.UserId == userId && n.ReadAt == null));

    public async Task MarkAllReadAsync(string userId)
    {
        var now = clock.GetUtcNow();
        await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null).ExecuteUpdateAsync(n => n.SetProperty(x => x.ReadAt, now));
        current.NotificationsRead(userId);
        await AnnounceAsync(userId);
    }

    private async Task AnnounceAsync(string userId)
    {
        try
        {
            await notifier.UnreadChangedAsync(userId, await UnreadCountAsync(userId));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The notification is stored; the count refreshes on the member's next page.
            logger.LogWarning(ex, "Could not announce the unread count live.");
        }
    }
}
