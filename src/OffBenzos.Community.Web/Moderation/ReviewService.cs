using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Forum;
using OffBenzos.Community.Web.Notifications;

namespace OffBenzos.Community.Web.Moderation;

/// <summary>Claims and decisions on review items. Every decision is audited and reaches the author and the flaggers.</summary>
public sealed class ReviewService(
    CommunityDb db,
    ModerationTargetLoader targets,
    AuditLog audit,
    NotificationService notifications,
    AppealService appeals,
    IModerationNotifier queue,
    Lazy<ForumService> forum,
    Lazy<Chat.ChatService> chat,
    IOptions<ModerationOptions> options,
    TimeProvider clock)
{
    public const int ReasonMax = 1000;

    /// <summary>The lanes in the order the queue shows them: crisis first.</summary>
    public static readonly IReadOnlyList<ReviewLane> LaneOrder = [ReviewLane.Crisis, ReviewLane.Medical, ReviewLane.Standard];

    /// <summary>
    /// A lane's open items, highest score first, then oldest. One lane at a time, so the database
    /// reads them in order from the queue's index (lane, score, age; open items only) instead of
    /// sorting every open item for each look at the queue.
    /// </summary>
    public static IQueryable<ReviewItem> OpenInLane(IQueryable<ReviewItem> items, ReviewLane lane) =>
        items.Where(i => i.Status == ReviewStatus.Open && i.Lane == lane)
            .OrderByDescending(i => i.Score)
            .ThenBy(i => i.CreatedAt);

    public bool IsHeldByOther(ReviewItem item, string moderatorId)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.ClaimedById is { } holder && holder != moderatorId && item.ClaimExpiresAt > clock.GetUtcNow();
    }

    public async Task<string?> ClaimAsync(ReviewItem item, string moderatorId)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Status != ReviewStatus.Open)
        {
            return "This item is already decided.";
        }
        if (IsHeldByOther(item, moderatorId))
        {
            return "Another moderator is working on this item.";
        }
        item.ClaimedById = moderatorId;
        item.ClaimExpiresAt = clock.GetUtcNow() + options.Value.ClaimDuration;
        await db.SaveChangesAsync();
        await queue.QueueChangedAsync(item);
        return null;
    }

    public async Task ReleaseAsync(ReviewItem item, string moderatorId)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.ClaimedById == moderatorId)
        {
            item.ClaimedById = null;
            item.ClaimExpiresAt = null;
            await db.SaveChangesAsync();
            await queue.QueueChangedAsync(item);
        }
    }

    private async Task<string?> DecideAppealAsync(ReviewItem item, string moderatorId, ReviewDecision decision, string? reason)
    {
        if (item.ExcludedModeratorId == moderatorId)
        {
            return "Another moderator must decide an appeal against your own decision.";
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        item.Status = ReviewStatus.Resolved;
        item.Decision = decision;
        item.DecisionReason = reason;
        item.ResolvedById = moderatorId;
        item.ResolvedAt = clock.GetUtcNow();
        item.ClaimedById = null;
        item.ClaimExpiresAt = null;
        await appeals.DecideAsync(item, moderatorId, uphold: decision == ReviewDecision.Agree, reason);
        await transaction.CommitAsync();
        await queue.QueueChangedAsync(item);
        return null;
    }

    /// <summary>
    /// Decides the item. <paramref name="removal"/> says what agreeing does to a post or thread
    /// (hidden or removed). Returns an error message a moderator can act on, or null.
    /// </summary>
    /// <param name="editedText">For a post, when agreeing: the moderator's corrected text, published instead of hiding the post.</param>
    public async Task<string?> DecideAsync(ReviewItem item, string moderatorId, ReviewDecision decision, ContentState removal, string? reason, string? editedText = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (item.Status != ReviewStatus.Open)
        {
            return "This item is already decided.";
        }
        if (IsHeldByOther(item, moderatorId))
        {
            return "Another moderator is working on this item.";
        }
        if (item.AuthorId == moderatorId)
        {
            return "Another moderator must decide an item about your own words or account.";
        }
        if (!Enum.IsDefined(decision))
        {
            return "Please choose agree, disagree or ignore.";
        }
        if (decision == ReviewDecision.Agree && reason is null)
        {
            return "Please give the reason the author will see.";
        }
        if (reason is { Length: > ReasonMax })
        {
            return $"Please keep the reason under {ReasonMax} characters.";
        }
        if (item.TargetType == ModerationTargets.Appeal)
        {
            return await DecideAppealAsync(item, moderatorId, decision, reason);
        }
        var target = await targets.LoadAsync(item.TargetType, item.TargetId);
        // The form offers the current text to correct; only a changed text counts as an edit.
        editedText = editedText?.ReplaceLineEndings("\n");
        var editing = decision == ReviewDecision.Agree && item.TargetType == ModerationTargets.Post
            && !string.IsNullOrWhiteSpace(editedText) && target is not null && editedText != target.Content.ReplaceLineEndings("\n");
        if (decision == ReviewDecision.Agree && !editing && removal is not (ContentState.Hidden or ContentState.Removed))
        {
            return "Please choose to hide or to remove.";
        }
        RenderedPost? edited = null;
        if (editing)
        {
            (edited, var error) = forum.Value.CheckBody(editedText);
            if (error is not null)
            {
                return "The edited text: " + error;
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        ContentState? before = null;
        if (editing)
        {
            // Agreeing by correcting: the earlier text is kept as a revision, and the post stays up.
            var post = await db.Posts.SingleAsync(p => p.Id == int.Parse(item.TargetId, CultureInfo.InvariantCulture));
            db.PostRevisions.Add(new PostRevision { PostId = post.Id, Markdown = post.Markdown, Html = post.Html, WrittenAt = post.EditedAt ?? post.CreatedAt, EditorId = post.AuthorId });
            (post.Markdown, post.Html, post.PlainText, post.EditedAt) = (editedText!, edited!.Html, edited.PlainText, clock.GetUtcNow());
            before = post.State;
            post.State = ContentState.Visible;
        }
        else if (decision == ReviewDecision.Agree)
        {
            before = await targets.SetStateAsync(item.TargetType, item.TargetId, removal);
        }
        else if (item.AutoHidden || item.HeldForApproval)
        {
            // Automatic hiding and holding were only ever provisional.
            before = await targets.SetStateAsync(item.TargetType, item.TargetId, ContentState.Visible);
        }
        item.Status = ReviewStatus.Resolved;
        item.Decision = decision;
        item.DecisionReason = reason;
        item.ResolvedById = moderatorId;
        item.ResolvedAt = clock.GetUtcNow();
        item.ClaimedById = null;
        item.ClaimExpiresAt = null;
        var action = decision switch
        {
            ReviewDecision.Agree when editing => "review.agree.edited",
            ReviewDecision.Agree => $"review.agree.{removal.ToString().ToLowerInvariant()}",
            ReviewDecision.Disagree => "review.disagree",
            _ => "review.ignore",
        };
        await audit.AppendAsync(new AuditLog.Entry(moderatorId, action, item.TargetType, item.TargetId, item.GroupId, reason,
            $"state={before?.ToString() ?? "n/a"}; content={target?.Content}"));
        await transaction.CommitAsync();
        if (item.TargetType == ModerationTargets.ChatMessage && before is not null)
        {
            // Gone from (or, approved, into) every open room at once.
            await chat.Value.AnnounceStateAsync(long.Parse(item.TargetId, CultureInfo.InvariantCulture));
        }

        var postId = item.TargetType == ModerationTargets.Post ? int.Parse(item.TargetId, CultureInfo.InvariantCulture) : (int?)null;
        if (decision == ReviewDecision.Agree && item.AuthorId is { } author && target is not null)
        {
            var what = editing ? "edited" : removal == ContentState.Removed ? "removed" : "hidden";
            await notifications.NotifyAsync(author, NotificationKind.ModerationNotice, target.Title,
                $"A moderator {what} your {Noun(item.TargetType)}. Reason: {reason}", postId, moderatorId,
                appealKey: "item:" + item.Id.ToString(CultureInfo.InvariantCulture));
        }
        else if ((item.AutoHidden || item.HeldForApproval) && item.AuthorId is { } restoredAuthor && target is not null)
        {
            await notifications.NotifyAsync(restoredAuthor, NotificationKind.ModerationNotice, target.Title,
                item.HeldForApproval ? $"A moderator approved your {Noun(item.TargetType)}: everyone can see it now. Welcome!" : $"A moderator looked at your {Noun(item.TargetType)} and it is visible again. Thank you for your patience.",
                postId, moderatorId);
        }
        await queue.QueueChangedAsync(item);
        var flaggers = await db.Flags.Where(f => f.ReviewItemId == item.Id).Select(f => f.FlaggerId).Distinct().ToListAsync();
        foreach (var flagger in flaggers)
        {
            // Thanked and told it was reviewed; the outcome stays between the moderators and the author.
            await notifications.NotifyAsync(flagger, NotificationKind.FlagReviewed, target?.Title ?? "something you flagged",
                "A moderator has reviewed what you flagged. Thank you for helping keep the community safe.");
        }
        return null;
    }

    private static string Noun(string targetType) => targetType switch
    {
        ModerationTargets.Thread => "thread",
        ModerationTargets.ChatMessage => "chat message",
        _ => "post",
    };
}
