using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Forum;
using OffBenzos.Community.Web.Notifications;

namespace OffBenzos.Community.Web.Moderation;

/// <summary>
/// A member may appeal each decision about them once. The appeal becomes a review item that the
/// moderator who decided cannot see or decide; upholding it undoes the decision.
/// </summary>
public sealed class AppealService(
    CommunityDb db,
    ModerationTargetLoader targets,
    AuditLog audit,
    NotificationService notifications,
    IModerationNotifier queue,
    TimeProvider clock)
{
    public const int TextMax = 1000;

    public sealed record Decision(string Key, string Summary, string DecidedBy, int? GroupId, bool AlreadyAppealed);

    /// <summary>The decision behind <paramref name="key"/>, if it is about this member; null otherwise.</summary>
    public async Task<Decision?> FindAsync(string userId, string key)
    {
        var parts = key.Split(':');
        if (parts.Length != 2 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }
        var appealed = await db.Appeals.AnyAsync(a => a.UserId == userId && a.DecisionKey == key);
        switch (parts[0])
        {
            case "item":
                var item = await db.ReviewItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id && i.AuthorId == userId && i.Decision == ReviewDecision.Agree);
                return item is null ? null
                    : new Decision(key, $"Your {item.TargetType} was {(item.DecisionReason is null ? "hidden" : "acted on")}: {item.DecisionReason}", item.ResolvedById!, item.GroupId, appealed);
            case "sanction":
                var sanction = await db.Sanctions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && s.UserId == userId);
                return sanction is null ? null
                    : new Decision(key, SanctionService.Describe(sanction) + " Reason: " + sanction.Reason, sanction.ActorId, null, appealed);
            default:
                return null;
        }
    }

    public async Task<string?> AppealAsync(string userId, string key, string? text)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > TextMax)
        {
            return $"Please say in a few words (up to {TextMax} characters) why the decision should change.";
        }
        if (await FindAsync(userId, key) is not { } decision)
        {
            return "There is no decision to appeal here.";
        }
        if (decision.AlreadyAppealed)
        {
            return "You have already appealed this decision; a moderator will answer it.";
        }
        var appeal = new Appeal { UserId = userId, DecisionKey = key, Text = text, CreatedAt = clock.GetUtcNow() };
        db.Appeals.Add(appeal);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            return "You have already appealed this decision; a moderator will answer it.";
        }
        var item = new ReviewItem
        {
            TargetType = ModerationTargets.Appeal,
            TargetId = appeal.Id.ToString(CultureInfo.InvariantCulture),
            GroupId = decision.GroupId,
            AuthorId = userId,
            ExcludedModeratorId = decision.DecidedBy,
            CreatedAt = appeal.CreatedAt,
        };
        db.ReviewItems.Add(item);
        await db.SaveChangesAsync();
        await queue.QueueChangedAsync(item);
        return null;
    }

    /// <summary>Upholding undoes the decision (content restored, sanction lifted); either way the member is told why.</summary>
    public async Task DecideAsync(ReviewItem appealItem, string moderatorId, bool uphold, string? reason)
    {
        ArgumentNullException.ThrowIfNull(appealItem);
        var appeal = await db.Appeals.SingleAsync(a => a.Id == long.Parse(appealItem.TargetId, CultureInfo.InvariantCulture));
        var parts = appeal.DecisionKey.Split(':');
        var id = long.Parse(parts[1], CultureInfo.InvariantCulture);
        if (uphold && parts[0] == "item")
        {
            var original = await db.ReviewItems.AsNoTracking().SingleAsync(i => i.Id == id);
            await targets.SetStateAsync(original.TargetType, original.TargetId, ContentState.Visible);
        }
        else if (uphold && parts[0] == "sanction")
        {
            var sanction = await db.Sanctions.SingleAsync(s => s.Id == id);
            var now = clock.GetUtcNow();
            if (sanction.EndsAt is null || sanction.EndsAt > now)
            {
                sanction.EndsAt = now;
            }
        }
        await audit.AppendAsync(new AuditLog.Entry(moderatorId, uphold ? "appeal.upheld" : "appeal.rejected", ModerationTargets.Appeal,
            appealItem.TargetId, appealItem.GroupId, reason, $"{appeal.DecisionKey}: {appeal.Text}"));
        await notifications.NotifyAsync(appeal.UserId, NotificationKind.ModerationNotice, "Your appeal",
            (uphold ? "A moderator agreed with your appeal and undid the decision." : "A moderator looked at your appeal and the decision stays.")
            + (string.IsNullOrWhiteSpace(reason) ? "" : " " + reason), actorId: moderatorId);
    }
}
