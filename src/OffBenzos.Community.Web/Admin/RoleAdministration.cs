using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Authorization;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Moderation;

namespace OffBenzos.Community.Web.Admin;

/// <summary>Grants and revokes Coach and Moderator, each change recorded with who, when and why.</summary>
public sealed class RoleAdministration(CommunityDb db, UserManager<CommunityUser> users, TimeProvider clock, AuditLog audit)
{
    public const int ReasonMaxLength = 500;

    public async Task<string?> ChangeAsync(string actorId, string targetUserId, string role, bool grant, string reason)
    {
        if (!SiteRoles.Grantable.Contains(role))
        {
            return "Only the Coach and Moderator roles can be changed here.";
        }
        reason = reason.Trim();
        if (reason.Length == 0)
        {
            return "Please give a reason; it is kept in the role history.";
        }
        if (reason.Length > ReasonMaxLength)
        {
            return $"Please keep the reason under {ReasonMaxLength} characters.";
        }
        var target = await users.FindByIdAsync(targetUserId);
        if (target is null)
        {
            return "That member no longer exists.";
        }
        var holds = await users.IsInRoleAsync(target, role);
        if (holds == grant)
        {
            return grant ? $"{target.DisplayName} is already a {role}." : $"{target.DisplayName} is not a {role}.";
        }

        var rolesBefore = string.Join(",", await users.GetRolesAsync(target));
        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = grant ? await users.AddToRoleAsync(target, role) : await users.RemoveFromRoleAsync(target, role);
        if (!result.Succeeded)
        {
            return string.Join(" ", result.Errors.Select(e => e.Description));
        }
        db.RoleChanges.Add(new RoleChange
        {
            ActorId = actorId,
            TargetUserId = target.Id,
            Role = role,
            Granted = grant,
            Reason = reason,
            At = clock.GetUtcNow(),
        });
        await audit.AppendAsync(new AuditLog.Entry(actorId, grant ? "role.grant" : "role.revoke", "profile", target.Id, Reason: $"{role}: {reason}",
            ContentBefore: $"roles={rolesBefore}"));
        await transaction.CommitAsync();
        return null;
    }

    public sealed record MemberRow(string Id, string DisplayName, DateTimeOffset CreatedAt, bool EmailConfirmed, bool TwoFactorEnabled, IReadOnlyList<string> Roles);

    public sealed record HistoryRow(DateTimeOffset At, string Actor, string Target, string Role, bool Granted, string Reason);

    public async Task<(IReadOnlyList<MemberRow> Rows, int Total)> MembersAsync(string? search, int page, int pageSize)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var key = DisplayNames.Key(search.Trim());
            query = query.Where(u => u.DisplayNameKey.Contains(key));
        }
        var total = await query.CountAsync();
        var members = await query.OrderBy(u => u.DisplayName)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(u => new { u.Id, u.DisplayName, u.CreatedAt, u.EmailConfirmed, u.TwoFactorEnabled })
            .ToListAsync();
        var ids = members.Select(m => m.Id).ToList();
        var roles = await db.UserRoles.AsNoTracking()
            .Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync();
        var rows = members.Select(m => new MemberRow(m.Id, m.DisplayName, m.CreatedAt, m.EmailConfirmed, m.TwoFactorEnabled,
            roles.Where(r => r.UserId == m.Id).Select(r => r.Name!).Order(StringComparer.Ordinal).ToList())).ToList();
        return (rows, total);
    }

    public async Task<IReadOnlyList<HistoryRow>> HistoryAsync(int take)
    {
        var changes = await db.RoleChanges.AsNoTracking().OrderByDescending(c => c.At).Take(take).ToListAsync();
        var ids = changes.SelectMany(c => new[] { c.ActorId, c.TargetUserId }).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        string Name(string id) => names.GetValueOrDefault(id) ?? "a former member";
        return changes.Select(c => new HistoryRow(c.At, Name(c.ActorId), Name(c.TargetUserId), c.Role, c.Granted, c.Reason)).ToList();
    }
}
