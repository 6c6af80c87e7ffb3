using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Data;

namespace OffBenzos.Community.Web.Moderation;

/// <summary>Opens (or joins) a review item raised by automation, marked "system" in the queue.</summary>
public sealed class SystemReview(CommunityDb db, IModerationNotifier queue, ModeratorDuty duty, TimeProvider clock)
{
    public async Task RaiseAsync(ModerationTarget target, ReviewLane lane, string reason, bool held)
    {
        ArgumentNullException.ThrowIfNull(target);
        var item = await db.ReviewItems.SingleOrDefaultAsync(i => i.TargetType == target.Type && i.TargetId == target.Id && i.Status == ReviewStatus.Open);
        if (item is null)
        {
            item = new ReviewItem
            {
                TargetType = target.Type,
                TargetId = target.Id,
                GroupId = target.GroupId,
                AuthorId = target.AuthorId,
                CreatedAt = clock.GetUtcNow(),
            };
            db.ReviewItems.Add(item);
        }
        item.FromSystem = true;
        item.HeldForApproval |= held;
        item.SystemReason = reason.Length > 500 ? reason[..500] : reason;
        if (lane < item.Lane)
        {
            item.Lane = lane;
        }
        await db.SaveChangesAsync();
        await queue.QueueChangedAsync(item);
        if (item.Lane is ReviewLane.Crisis or ReviewLane.Medical)
        {
            await duty.AlertAsync(item);
        }
    }
}
