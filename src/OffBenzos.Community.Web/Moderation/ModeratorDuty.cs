using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OffBenzos.Community.Web.Authorization;
using OffBenzos.Community.Web.Data;

namespace OffBenzos.Community.Web.Moderation;

/// <summary>
/// Who is on duty, and making sure a crisis item is never left alone: alerts go to the moderators on
/// duty first, and an item nobody has opened in time is raised again to every moderator.
/// </summary>
public sealed class ModeratorDuty(CommunityDb db, IModerationNotifier notifier, IOptions<ModerationOptions> options, TimeProvider clock)
{
    public Task<bool> AnyOnDutyAsync() =>
        db.Users.Where(u => u.OnDuty)
            .AnyAsync(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == SiteRoles.Moderator || r.Name == SiteRoles.Admin))));

    public Task SetAsync(string userId, bool onDuty) =>
        db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.OnDuty, onDuty));

    /// <summary>The first alert for a crisis or medical item.</summary>
    public async Task AlertAsync(ReviewItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        await notifier.CrisisAlertAsync(item, await AnyOnDutyAsync());
    }

    /// <summary>Crisis and medical items still unopened after the configured time.</summary>
    public IQueryable<ReviewItem> Unattended()
    {
        var cutoff = clock.GetUtcNow() - options.Value.CrisisEscalateAfter;
        return db.ReviewItems.Where(i => i.Status == ReviewStatus.Open
            && (i.Lane == ReviewLane.Crisis || i.Lane == ReviewLane.Medical)
            && i.FirstOpenedAt == null && i.CreatedAt <= cutoff);
    }

    /// <summary>Raises every unattended item again, to every moderator, once. Run by <see cref="CrisisEscalationService"/>.</summary>
    public async Task<int> EscalateAsync()
    {
        var items = await Unattended().Where(i => i.EscalatedAt == null).ToListAsync();
        foreach (var item in items)
        {
            item.EscalatedAt = clock.GetUtcNow();
        }
        await db.SaveChangesAsync();
        foreach (var item in items)
        {
            await notifier.CrisisEscalationAsync(item);
        }
        return items.Count;
    }
}
