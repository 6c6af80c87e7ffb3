using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Moderation;

namespace OffBenzos.Community.Web.Forum;

/// <summary>
/// Thread states for moderators (site moderators anywhere, group moderators in their groups): pin,
/// lock with a reason, move, hide, restore. Each action leaves an audit row with the state before.
/// The caller checks the moderator's standing first.
/// </summary>
public sealed class ThreadModeration(CommunityDb db, AuditLog audit)
{
    public const int ReasonMax = 500;

    public Task SetPinnedAsync(ForumThread thread, bool pinned, string actorId) =>
        ApplyAsync(thread, actorId, pinned ? "thread.pin" : "thread.unpin", null, t => t.IsPinned = pinned);

    public async Task<string?> LockAsync(ForumThread thread, string? reason, string actorId)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > ReasonMax)
        {
            return $"Please give members a reason for locking (up to {ReasonMax} characters); it is shown on the thread.";
        }
        await ApplyAsync(thread, actorId, "thread.lock", reason, t =>
        {
            t.IsLocked = true;
            t.LockReason = reason;
        });
        return null;
    }

    public Task UnlockAsync(ForumThread thread, string actorId) =>
        ApplyAsync(thread, actorId, "thread.unlock", null, t =>
        {
            t.IsLocked = false;
            t.LockReason = null;
        });

    public Task MoveAsync(ForumThread thread, int toGroupId, string actorId) =>
        ApplyAsync(thread, actorId, "thread.move", $"to group {toGroupId}", t => t.GroupId = toGroupId);

    public async Task<string?> SetStateAsync(ForumThread thread, ContentState state, string? reason, string actorId)
    {
        if (state is not (ContentState.Visible or ContentState.Hidden or ContentState.Removed))
        {
            return "A thread can be shown, hidden or removed.";
        }
        await ApplyAsync(thread, actorId, "thread." + state.ToString().ToLowerInvariant(), reason?.Trim(), t => t.State = state);
        return null;
    }

    private async Task ApplyAsync(ForumThread thread, string actorId, string action, string? reason, Action<ForumThread> change)
    {
        ArgumentNullException.ThrowIfNull(thread);
        var before = $"group={thread.GroupId}; pinned={thread.IsPinned}; locked={thread.IsLocked}; state={thread.State}; title={thread.Title}";
        var tracked = await db.Threads.SingleAsync(t => t.Id == thread.Id);
        change(tracked);
        await audit.AppendAsync(new AuditLog.Entry(actorId, action, "thread",
            thread.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), thread.GroupId, reason, before));
    }
}
