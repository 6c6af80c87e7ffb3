using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Notifications;

namespace OffBenzos.Community.Web.Moderation;

/// <summary>
/// Warn, silence, suspend, ban: each with a reason, audited, told to the member. Suspensions and
/// bans end the member's open pages and live connections at once.
/// </summary>
public sealed class SanctionService(
    CommunityDb db,
    AuditLog audit,
    NotificationService notifications,
    UserManager<CommunityUser> users,
    SessionTerminator sessions,
    Email.IEmailSender email,
    TimeProvider clock)
{
    public const int ReasonMax = 1000;

    /// <summary>The member's sanctions in force now (most severe first).</summary>
    public async Task<IReadOnlyList<Sanction>> ActiveAsync(string userId)
    {
        var now = clock.GetUtcNow();
        var rows = await db.Sanctions.AsNoTracking()
            .Where(s => s.UserId == userId && s.StartsAt <= now && (s.EndsAt == null || s.EndsAt > now))
            .ToListAsync();
        return rows.OrderByDescending(s => s.Kind).ToList();
    }

    /// <summary>The next step up the ladder, given the member's last six months.</summary>
    public async Task<(SanctionKind Kind, TimeSpan? Duration)> SuggestAsync(string userId)
    {
        var since = clock.GetUtcNow().AddMonths(-6);
        var worst = await db.Sanctions.Where(s => s.UserId == userId && s.StartsAt > since).Select(s => (SanctionKind?)s.Kind).MaxAsync();
        return worst switch
        {
            null => (SanctionKind.Warning, null),
            SanctionKind.Warning => (SanctionKind.Silence, TimeSpan.FromDays(1)),
            SanctionKind.Silence => (SanctionKind.Suspension, TimeSpan.FromDays(7)),
            _ => (SanctionKind.Ban, null),
        };
    }

    public async Task<string?> ApplyAsync(string actorId, string userId, SanctionKind kind, TimeSpan? duration, string? reason, long? reviewItemId = null)
    {
        reason = reason?.Trim();
        if (!Enum.IsDefined(kind))
        {
            return "Please choose warn, silence, suspend or ban.";
        }
        if (string.IsNullOrEmpty(reason))
        {
            return "Please give a reason: the member will see it.";
        }
        if (reason.Length > ReasonMax)
        {
            return $"Please keep the reason under {ReasonMax} characters.";
        }
        if (kind is SanctionKind.Silence or SanctionKind.Suspension && (duration is null || duration <= TimeSpan.Zero || duration > TimeSpan.FromDays(366)))
        {
            return "Please choose how long, up to a year.";
        }
        if (actorId == userId)
        {
            return "You can't sanction yourself.";
        }
        var member = await users.FindByIdAsync(userId);
        if (member is null)
        {
            return "That member no longer exists.";
        }
        var now = clock.GetUtcNow();
        var sanction = new Sanction
        {
            UserId = userId,
            Kind = kind,
            Reason = reason,
            ActorId = actorId,
            ReviewItemId = reviewItemId,
            StartsAt = now,
            EndsAt = kind switch
            {
                SanctionKind.Ban => null,
                SanctionKind.Warning => now,
                _ => now + duration!.Value,
            },
        };
        db.Sanctions.Add(sanction);
        await audit.AppendAsync(new AuditLog.Entry(actorId, "sanction." + kind.ToString().ToLowerInvariant(), ModerationTargets.Profile, userId,
            Reason: reason, ContentBefore: sanction.EndsAt is { } ends ? "until " + ends.ToString("O", CultureInfo.InvariantCulture) : "no end"));

        await notifications.NotifyAsync(userId, NotificationKind.ModerationNotice, "Your account", Describe(sanction) + " Reason: " + reason, actorId: actorId,
            appealKey: "sanction:" + sanction.Id.ToString(CultureInfo.InvariantCulture));
        if (kind is SanctionKind.Suspension or SanctionKind.Ban && member.Email is { } address)
        {
            // They cannot sign in to read the notice, so it goes by e-mail too.
            await email.SendAsync(address, "About your OffBenzos Community account",
                $"""
                Hello {member.DisplayName},

                {Describe(sanction)}

                Reason: {reason}

                If you think this is a mistake, reply to this e-mail.

                Whatever is happening, you still matter. Crisis lines for your country are always at /crisis on the site.
                """);
        }
        if (kind is SanctionKind.Suspension or SanctionKind.Ban)
        {
            // Also invalidates the sign-in cookie, in case a page is opened on another instance first.
            await users.UpdateSecurityStampAsync(member);
            await sessions.EndAsync(userId);
        }
        return null;
    }

    public static string Describe(Sanction sanction)
    {
        ArgumentNullException.ThrowIfNull(sanction);
        var until = sanction.EndsAt?.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);
        return sanction.Kind switch
        {
            SanctionKind.Warning => "A moderator has given you a warning.",
            SanctionKind.Silence => $"You can read, but not post, reply, react, flag or chat, until {until}.",
            SanctionKind.Suspension => $"Your account is suspended until {until}.",
            _ => "Your account is closed by the moderators.",
        };
    }
}
