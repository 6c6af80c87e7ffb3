using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Moderation;

namespace OffBenzos.Community.Web.Authorization;

/// <summary>
/// The signed-in account's current standing, read from the database once per request. Authorization
/// reads this rather than the cookie's role claims so that a granted or revoked role takes effect on
/// the very next request.
/// </summary>
public sealed class CurrentAccount(CommunityDb db, UserManager<CommunityUser> users, IHttpContextAccessor http, TimeProvider clock)
{
    private Standing? _standing;
    private ClaimsPrincipal? _principal;

    public sealed record Standing(string UserId, bool EmailConfirmed, bool TwoFactorEnabled, IReadOnlySet<string> Roles, Sanction? Silence, Sanction? Bar);

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
        var userId = principal is null ? null : users.GetUserId(principal);
        if (userId is null)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        // Every signed-in request asks this (the sanction gate does), so it is one query, not three.
        var account = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new
            {
                u.EmailConfirmed,
                u.TwoFactorEnabled,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
                Sanctions = db.Sanctions
                    .Where(s => s.UserId == u.Id && s.Kind != SanctionKind.Warning && s.StartsAt <= now && (s.EndsAt == null || s.EndsAt > now))
                    .ToList(),
            })
            .SingleOrDefaultAsync();
        if (account is null)
        {
            return null;
        }
        var roles = account.Roles;
        var sanctions = account.Sanctions;
        var bar = sanctions.Where(s => s.Kind is SanctionKind.Suspension or SanctionKind.Ban).OrderByDescending(s => s.Kind).FirstOrDefault();
        var silence = sanctions.Where(s => s.Kind == SanctionKind.Silence).OrderByDescending(s => s.EndsAt).FirstOrDefault();
        return _standing = new Standing(userId, account.EmailConfirmed, account.TwoFactorEnabled, roles.ToHashSet(StringComparer.Ordinal), silence, bar);
    }
}
