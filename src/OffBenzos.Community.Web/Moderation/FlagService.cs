using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OffBenzos.Community.Web.Authorization;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Forum;
using OffBenzos.Community.Web.Notifications;

namespace OffBenzos.Community.Web.Moderation;

/// <summary>
/// Members' flags: one open flag per member per target, never on their own content, rate limited,
/// each with a snapshot. Flags on one target gather into one review item whose score grows with
/// the flaggers' weight; past a threshold the content is hidden while it waits.
/// </summary>
public sealed class FlagService(
    CommunityDb db,
    ModerationTargetLoader targets,
    NotificationService notifications,
    IModerationNotifier queue,
    ModeratorDuty duty,
    Lazy<Chat.ChatService> chat,
    IOptions<ModerationOptions> options,
    TimeProvider clock,
    ILogger<FlagService> logger)
{
    public const int NoteMax = 1000;

    public async Task<string?> FlagAsync(string flaggerId, ModerationTarget target, FlagReason reason, string? note)
    {
        ArgumentNullException.ThrowIfNull(target);
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (!Enum.IsDefined(reason))
        {
            return "Please choose a reason.";
        }
        if (reason == FlagReason.Other && note is null)
        {
            return "Please say in a few words what is wrong, so a moderator can help.";
        }
        if (note is { Length: > NoteMax })
        {
            return $"Please keep the note under {NoteMax} characters.";
        }
        if (target.AuthorId == flaggerId)
        {
            return "You can't flag your own words. You can edit or remove your post instead.";
        }
        var now = clock.GetUtcNow();
        if (await db.Flags.CountAsync(f => f.FlaggerId == flaggerId && f.At > now.AddHours(-1)) >= options.Value.FlagsPerHour)
        {
            return "You've flagged a lot in the last hour. Thank you for caring; please wait a little before flagging more. If someone is in danger, see the crisis resources.";
        }

        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var item = await db.ReviewItems.SingleOrDefaultAsync(i => i.TargetType == target.Type && i.TargetId == target.Id && i.Status == ReviewStatus.Open);
            if (item is not null && await db.Flags.AnyAsync(f => f.ReviewItemId == item.Id && f.FlaggerId == flaggerId))
            {
                return "You've already flagged this. A moderator will look at it; thank you.";
            }
            if (item is null)
            {
                item = new ReviewItem
                {
                    TargetType = target.Type,
                    TargetId = target.Id,
                    GroupId = target.GroupId,
                    AuthorId = target.AuthorId,
                    CreatedAt = now,
                };
                db.ReviewItems.Add(item);
                if (!await TrySaveAsync(attempt))
                {
                    continue;
                }
            }
            var weight = await WeightOfAsync(flaggerId);
            if (reason == FlagReason.Crisis)
            {
                item.Lane = ReviewLane.Crisis;
            }
            item.Score += weight;
            db.Flags.Add(new Flag
            {
                ReviewItemId = item.Id,
                FlaggerId = flaggerId,
                Reason = reason,
                Note = note,
                Snapshot = target.Content,
                Weight = weight,
                At = now,
            });
            if (!await TrySaveAsync(attempt))
            {
                continue;
            }
            await transaction.CommitAsync();
            await AutoHideAsync(item, target);
            await queue.QueueChangedAsync(item);
            if (reason == FlagReason.Crisis)
            {
                await duty.AlertAsync(item);
            }
            return null;
        }
    }

    /// <summary>
    /// Staff weigh most; a member between 0.5 and 1.5 by how often moderators agreed with their
    /// earlier flags (a new flagger starts at 1.0).
    /// </summary>
    public async Task<double> WeightOfAsync(string flaggerId)
    {
        // Staff as the moderation pages count them: the role and two-factor sign-in on. A moderator
        // account without it flags as a member does (a staff flag alone can hide a post).
        var isStaff = await db.Users.AnyAsync(u => u.Id == flaggerId && u.TwoFactorEnabled)
            && await db.UserRoles.Where(ur => ur.UserId == flaggerId)
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name)
                .AnyAsync(n => n == SiteRoles.Moderator || n == SiteRoles.Admin);
        if (isStaff)
        {
            return options.Value.StaffFlagWeight;
        }
        var (agreed, disagreed) = await TrackRecordAsync(flaggerId);
        return 0.5 + ((agreed + 1.0) / (agreed + disagreed + 2.0));
    }

    /// <summary>How many of the member's earlier flags moderators agreed and disagreed with.</summary>
    public async Task<(int Agreed, int Disagreed)> TrackRecordAsync(string flaggerId)
    {
        var decisions = await db.Flags.Where(f => f.FlaggerId == flaggerId)
            .Join(db.ReviewItems, f => f.ReviewItemId, i => i.Id, (_, i) => i.Decision)
            .Where(d => d == ReviewDecision.Agree || d == ReviewDecision.Disagree)
            .ToListAsync();
        return (decisions.Count(d => d == ReviewDecision.Agree), decisions.Count(d => d == ReviewDecision.Disagree));
    }

    private async Task AutoHideAsync(ReviewItem item, ModerationTarget target)
    {
        if (item.AutoHidden || item.Score < options.Value.AutoHideScore || target.Type is not (ModerationTargets.Post or ModerationTargets.Thread or ModerationTargets.ChatMessage))
        {
            return;
        }
        var before = await targets.SetStateAsync(target.Type, target.Id, ContentState.Hidden);
        if (before != ContentState.Visible)
        {
            // Only visible content is hidden automatically; anything else was already dealt with.
            db.ChangeTracker.Clear();
            return;
        }
        item.AutoHidden = true;
        db.ReviewItems.Update(item);
        await db.SaveChangesAsync();
        if (target.Type == ModerationTargets.ChatMessage)
        {
            await chat.Value.AnnounceStateAsync(long.Parse(target.Id, CultureInfo.InvariantCulture));
        }
        if (target.AuthorId is { } author)
        {
            await notifications.NotifyAsync(author, NotificationKind.ModerationNotice, target.Title,
                target.Type == ModerationTargets.ChatMessage
                    ? "Some members flagged your chat message, so it is hidden while a moderator looks at it. This is not a decision: it comes back if the moderator finds nothing wrong."
                    : "Some members flagged your post, so it is hidden while a moderator looks at it. This is not a decision: you can still edit it, and it comes back if the moderator finds nothing wrong.",
                target.Type == ModerationTargets.Post ? int.Parse(target.Id, CultureInfo.InvariantCulture) : null);
        }
    }

    private async Task<bool> TrySaveAsync(int attempt)
    {
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException ex) when (attempt < 3)
        {
            // Two first flags on one target at once: the other created the item; join it.
            logger.LogInformation(ex, "A review item was created concurrently; joining it.");
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
