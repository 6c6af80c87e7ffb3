using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Forum;
using OffBenzos.Community.Web.Moderation;
using OffBenzos.Community.Web.Notifications;

namespace OffBenzos.Community.Web.Privacy;

/// <summary>
/// Deleting an account: asked for with the passphrase, cancelled by signing in again within the
/// grace period, then erased for good (not hidden). Moderation facts stay, under the old account id,
/// which maps to nobody once the account row is gone.
/// </summary>
public sealed class AccountErasure(
    CommunityDb db,
    UserManager<CommunityUser> users,
    NotificationService notifications,
    SessionTerminator sessions,
    Email.IEmailSender email,
    IOptions<PrivacyOptions> options,
    TimeProvider clock,
    ILogger<AccountErasure> logger)
{
    public async Task<string?> RequestAsync(CommunityUser user, string? passphrase, bool keepPosts)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(passphrase) || !await users.CheckPasswordAsync(user, passphrase))
        {
            return "That passphrase isn't right. Please enter the one you sign in with.";
        }
        var now = clock.GetUtcNow();
        user.DeletionRequestedAt = now;
        user.DeletionDueAt = now.AddDays(options.Value.DeletionGraceDays);
        user.DeletionKeepsPosts = keepPosts;
        await users.UpdateAsync(user);
        // Signed out on every device; signing in again is how they change their mind.
        await users.UpdateSecurityStampAsync(user);
        await sessions.EndAsync(user.Id);
        await email.SendAsync(user.Email!, "Your OffBenzos Community account will be deleted",
            $"Hello {user.DisplayName},\n\nYou asked us to delete your account. We will erase it for good on {user.DeletionDueAt:d MMMM yyyy} (UTC). " +
            (keepPosts ? "Your posts will stay, shown as by \"a former member\", without your name.\n\n" : "Your posts will be removed.\n\n") +
            "If you change your mind, just sign in before then: that cancels the deletion.\n\nTake care of yourself. The crisis lines on the site are there any time you need them.");
        logger.LogInformation("Account deletion requested; due {Due}.", user.DeletionDueAt);
        return null;
    }

    public async Task CancelAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user?.DeletionRequestedAt is null)
        {
            return;
        }
        user.DeletionRequestedAt = null;
        user.DeletionDueAt = null;
        await users.UpdateAsync(user);
        await notifications.NotifyAsync(userId, NotificationKind.Account, "Welcome back: your account will not be deleted",
            "You signed in during the grace period, so we cancelled the deletion you asked for. Nothing was erased. You can ask again at any time on your privacy page.",
            url: "/Identity/Account/Manage/Privacy");
    }

    /// <summary>Erases every account whose grace period is over. Returns how many.</summary>
    public async Task<int> EraseDueAsync()
    {
        var now = clock.GetUtcNow();
        var due = await db.Users.Where(u => u.DeletionDueAt != null && u.DeletionDueAt <= now).Select(u => u.Id).ToListAsync();
        foreach (var id in due)
        {
            await EraseAsync(id);
        }
        return due.Count;
    }

    /// <summary>Erases one account and everything personal to it, in one transaction.</summary>
    public async Task EraseAsync(string userId)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId);
        if (user is null)
        {
            return;
        }
        var requestedAt = user.DeletionRequestedAt ?? clock.GetUtcNow();
        var keepPosts = user.DeletionKeepsPosts;
        await using var transaction = await db.Database.BeginTransactionAsync();

        // Posts: removed (their words gone, the place in the thread kept), or kept under "a former member":
        // the name lives only in the account row, which goes below.
        if (!keepPosts)
        {
            var postIds = db.Posts.Where(p => p.AuthorId == userId).Select(p => p.Id);
            await db.PostRevisions.Where(r => postIds.Contains(r.PostId)).ExecuteDeleteAsync();
            await db.Posts.Where(p => p.AuthorId == userId).ExecuteUpdateAsync(p => p
                .SetProperty(x => x.Markdown, "")
                .SetProperty(x => x.Html, "")
                .SetProperty(x => x.PlainText, "")
                .SetProperty(x => x.State, ContentState.RemovedByAuthor));
            // Other members' notices carry a copy of the title (replies, mentions, a flag reviewed): it goes too.
            var titles = await db.Threads.Where(t => t.AuthorId == userId).Select(t => t.Title.Length > NotificationService.SummaryMax ? t.Title.Substring(0, NotificationService.SummaryMax) : t.Title).Distinct().ToListAsync();
            var theirThreads = db.Threads.Where(t => t.AuthorId == userId).Select(t => t.Id);
            await db.Notifications.Where(n => titles.Contains(n.Summary)
                    && (db.Posts.Any(p => p.Id == n.PostId && theirThreads.Contains(p.ThreadId)) || n.Kind == NotificationKind.FlagReviewed))
                .ExecuteUpdateAsync(n => n.SetProperty(x => x.Summary, "A thread by a former member"));
            await db.Threads.Where(t => t.AuthorId == userId).ExecuteUpdateAsync(t => t.SetProperty(x => x.Title, "A thread by a former member"));
            await db.Threads.Where(t => t.AuthorId == userId && !db.Posts.Any(p => p.ThreadId == t.Id && p.AuthorId != userId))
                .ExecuteUpdateAsync(t => t.SetProperty(x => x.State, ContentState.RemovedByAuthor));
        }

        // Chat messages go in both cases.
        var messageIds = db.ChatMessages.Where(m => m.AuthorId == userId).Select(m => (long?)m.Id);
        await db.LiveSessions.Where(s => messageIds.Contains(s.PinnedMessageId)).ExecuteUpdateAsync(s => s.SetProperty(x => x.PinnedMessageId, (long?)null));
        await db.ChatMessages.Where(m => m.AuthorId == userId).ExecuteDeleteAsync();
        await db.ChatPresences.Where(p => p.UserId == userId).ExecuteDeleteAsync();

        // Rows that point at the member from other people's data (no cascade on those sides).
        await db.MemberBlocks.Where(b => b.BlockedId == userId || b.BlockerId == userId).ExecuteDeleteAsync();
        await db.ConcernReports.Where(c => c.PersonId == userId || c.ReporterId == userId).ExecuteDeleteAsync();
        await db.Notifications.Where(n => n.ActorId == userId).ExecuteUpdateAsync(n => n.SetProperty(x => x.ActorId, (string?)null));
        // A flagger's "reviewed" notice about this member's profile is titled with their display name.
        var name = user.DisplayName;
        await db.Notifications.Where(n => n.Kind == NotificationKind.FlagReviewed && n.Summary == name)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.Summary, "a former member"));

        // Everything else personal (consents, drafts, notifications, bookmarks, reactions, reading places,
        // memberships, answers and attendance, sanctions and appeals, sign-ins, exports) goes with the account row.
        db.ErasureRecords.Add(new ErasureRecord { Pseudonym = userId, RequestedAt = requestedAt, ErasedAt = clock.GetUtcNow(), KeptPosts = keepPosts });
        db.Users.Remove(user);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        logger.LogInformation("Erased account {Pseudonym} (posts {Mode}).", userId, keepPosts ? "kept as a former member's" : "removed");
    }
}
