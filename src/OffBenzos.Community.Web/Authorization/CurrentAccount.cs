using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Moderation;

namespace OffBenzos.Community.Web.Authorization;

/// <summary>
/// The signed-in account's current standing, read from the database once per request. Authorization
/// reads this rather than the cookie's role claims so that a granted or revoked role takes effect on
/// the very next request. The same statement brings the count of unread notifications that every
/// page's header shows.
/// </summary>
// The user id is read from the claims with Identity's options rather than through a UserManager, which
// is costly to build (it builds every token provider) and is not otherwise needed on most requests.
public sealed class CurrentAccount(CommunityDb db, IOptions<IdentityOptions> identity, IHttpContextAccessor http, TimeProvider clock)
{
    private Standing? _standing;
    private ClaimsPrincipal? _principal;

    // The member's site roles as bits summed over their role rows (one subquery), whether any
    // sanction is in force, and their unread notifications: one query, compiled once, for every
    // request. (As a list of roles, EF joined the user to every member's roles and SQLite built that
    // join first: 3 ms a request at 10,000 members, measured; as a yes/no per role, SQLite parsed and
    // planned eight subqueries. The unread count was a statement of its own on every page, about 3 %
    // of a group page's time; here it is one lookup in its index.)
    private sealed record AccountRow(bool EmailConfirmed, bool TwoFactorEnabled, int RoleBits, bool Sanctioned, int Unread);

    private static readonly Func<CommunityDb, string, DateTimeOffset, Task<AccountRow?>> AccountOf = EF.CompileAsyncQuery(
        (CommunityDb db, string userId, DateTimeOffset now) => db.Users.Where(u => u.Id == userId).Select(u => new AccountRow(
            u.EmailConfirmed,
            u.TwoFactorEnabled,
            db.UserRoles.Where(ur => ur.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name)
                .Sum(name => name == SiteRoles.Member ? 1 : name == SiteRoles.Coach ? 2 : name == SiteRoles.Moderator ? 4 : name == SiteRoles.Admin ? 8 : 0),
            db.Sanctions.Any(s => s.UserId == userId && s.Kind != SanctionKind.Warning && s.StartsAt <= now && (s.EndsAt == null || s.EndsAt > now)),
            db.Notifications.Count(n => n.UserId == userId && n.ReadAt == null)))
            .SingleOrDefault());

    // Every role in SiteRoles.All has its bit in AccountOf's sum, in this order; a new role needs one there too.
    private static readonly (string Role, int Bit)[] RoleBits = [(SiteRoles.Member, 1), (SiteRoles.Coach, 2), (SiteRoles.Moderator, 4), (SiteRoles.Admin, 8)];

    private static readonly Func<CommunityDb, string, DateTimeOffset, IAsyncEnumerable<Sanction>> SanctionsOf = EF.CompileAsyncQuery(
        (CommunityDb db, string userId, DateTimeOffset now) => db.Sanctions.AsNoTracking()
            .Where(s => s.UserId == userId && s.Kind != SanctionKind.Warning && s.StartsAt <= now && (s.EndsAt == null || s.EndsAt > now)));

    /// <param name="UnreadNotifications">As the request began, or 0 once the request has marked them all read.</param>
    public sealed record Standing(string UserId, bool EmailConfirmed, bool TwoFactorEnabled, IReadOnlySet<string> Roles, Sanction? Silence, Sanction? Bar, int UnreadNotifications);

    /// <summary>
    /// For callers outside a page request (a SignalR hub invocation): the user to answer for,
    /// instead of the current HTTP request's.
    /// </summary>
    public void Use(ClaimsPrincipal principal)
    {
        _principal = principal;
        _standing = null;
    }

    public async Task<Standing?> GetAsync()
    {
        if (_standing is not null)
        {
            return _standing;
        }
        var principal = _principal ?? http.HttpContext?.User;
        var userId = principal?.FindFirst(identity.Value.ClaimsIdentity.UserIdClaimType)?.Value;
        if (userId is null)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var account = await AccountOf(db, userId, now);
        if (account is null)
        {
            return null;
        }
        var roles = RoleBits.Where(r => (account.RoleBits & r.Bit) != 0).Select(r => r.Role).ToHashSet(StringComparer.Ordinal);
        // Sanctions are rare: their rows are read only when one is in force.
        var sanctions = account.Sanctioned ? await SanctionsOf(db, userId, now).ToListAsync() : [];
        var bar = sanctions.Where(s => s.Kind is SanctionKind.Suspension or SanctionKind.Ban).OrderByDescending(s => s.Kind).FirstOrDefault();
        var silence = sanctions.Where(s => s.Kind == SanctionKind.Silence).OrderByDescending(s => s.EndsAt).FirstOrDefault();
        return _standing = new Standing(userId, account.EmailConfirmed, account.TwoFactorEnabled, roles, silence, bar, account.Unread);
    }

    /// <summary>Called when this request marks the member's notifications read, so the page it shows says so.</summary>
    public void NotificationsRead(string userId)
    {
        if (_standing?.UserId == userId)
        {
            _standing = _standing with { UnreadNotifications = 0 };
        }
    }
}
