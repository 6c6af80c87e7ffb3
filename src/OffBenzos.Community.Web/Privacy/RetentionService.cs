using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OffBenzos.Community.Web.Chat;
using OffBenzos.Community.Web.Data;

namespace OffBenzos.Community.Web.Privacy;

/// <summary>
/// Keeps personal data only as long as we said: old chat in group rooms, notifications, forgotten
/// drafts, sign-in history and expired exports are deleted, and accounts past their grace period
/// are erased. Each run logs what it removed.
/// </summary>
public sealed class RetentionService(CommunityDb db, AccountErasure erasure, IOptions<PrivacyOptions> options, TimeProvider clock, ILogger<RetentionService> logger)
{
    public sealed record Removed(int ChatMessages, int Notifications, int Drafts, int SignIns, int Exports, int Accounts)
    {
        public int Total => ChatMessages + Notifications + Drafts + SignIns + Exports + Accounts;
    }

    public async Task<Removed> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var o = options.Value;
        var chatBefore = now.AddDays(-o.ChatRetentionDays);
        var groupRooms = db.ChatRooms.Where(r => r.Kind == ChatRoomKind.Group).Select(r => r.Id);
        var chat = await db.ChatMessages.Where(m => m.SentAt < chatBefore && groupRooms.Contains(m.RoomId)).ExecuteDeleteAsync(cancellationToken);
        var notificationsBefore = now.AddDays(-o.NotificationRetentionDays);
        var notifications = await db.Notifications.Where(n => n.CreatedAt < notificationsBefore).ExecuteDeleteAsync(cancellationToken);
        var draftsBefore = now.AddDays(-o.DraftRetentionDays);
        var drafts = await db.Drafts.Where(d => d.UpdatedAt < draftsBefore).ExecuteDeleteAsync(cancellationToken);
        var signInsBefore = now.AddDays(-o.SignInHistoryDays);
        var signIns = await db.SignInRecords.Where(s => s.At < signInsBefore).ExecuteDeleteAsync(cancellationToken);
        var exports = await db.DataExports.Where(e => e.ExpiresAt < now || (e.Status == DataExportStatus.Failed && e.RequestedAt < now.AddDays(-1))).ExecuteDeleteAsync(cancellationToken);
        var accounts = await erasure.EraseDueAsync();
        var removed = new Removed(chat, notifications, drafts, signIns, exports, accounts);
        if (removed.Total > 0)
        {
            logger.LogInformation(
                "Retention removed {ChatMessages} chat messages (over {ChatDays} days), {Notifications} notifications, {Drafts} drafts, {SignIns} sign-in records, {Exports} expired exports, and erased {Accounts} accounts.",
                chat, o.ChatRetentionDays, notifications, drafts, signIns, exports, accounts);
        }
        return removed;
    }
}
