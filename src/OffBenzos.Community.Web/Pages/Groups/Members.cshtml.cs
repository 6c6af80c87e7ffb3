using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Groups;

namespace OffBenzos.Community.Web.Pages.Groups;

/// <summary>For the group's moderators (and site staff): requests to join, members and their group roles.</summary>
[Authorize]
public sealed class MembersModel(CommunityDb db, GroupAccess access, GroupService groups) : PageModel
{
    public GroupAccess.Standing Standing { get; private set; } = null!;
    public IReadOnlyList<Row> Pending { get; private set; } = [];
    public IReadOnlyList<Row> Members { get; private set; } = [];
    public IReadOnlyList<HistoryRow> History { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public sealed record Row(string UserId, string DisplayName, GroupRole Role, DateTimeOffset Since);

    public sealed record HistoryRow(DateTimeOffset At, string Actor, string Target, string Change);

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (await LoadAsync(slug) is { } refusal)
        {
            return refusal;
        }
        var rows = await db.GroupMemberships.AsNoTracking().Where(m => m.GroupId == Standing.Group.Id)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m, u.DisplayName })
            .ToListAsync();
        Pending = rows.Where(r => r.m.State == MembershipState.Pending).OrderBy(r => r.m.RequestedAt)
            .Select(r => new Row(r.m.UserId, r.DisplayName, r.m.Role, r.m.RequestedAt)).ToList();
        Members = rows.Where(r => r.m.State == MembershipState.Active).OrderBy(r => r.m.Role == GroupRole.Member).ThenBy(r => r.DisplayName, StringComparer.CurrentCulture)
            .Select(r => new Row(r.m.UserId, r.DisplayName, r.m.Role, r.m.JoinedAt ?? r.m.RequestedAt)).ToList();
        var changes = await db.GroupRoleChanges.AsNoTracking().Where(c => c.GroupId == Standing.Group.Id).OrderByDescending(c => c.At).Take(50).ToListAsync();
        var ids = changes.SelectMany(c => new[] { c.ActorId, c.TargetUserId }).Distinct().ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        History = changes.Select(c => new HistoryRow(c.At, names.GetValueOrDefault(c.ActorId) ?? "a former member", names.GetValueOrDefault(c.TargetUserId) ?? "a former member", c.Change)).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostDecideAsync(string slug, string userId, bool approve)
    {
        if (await LoadAsync(slug) is { } refusal)
        {
            return refusal;
        }
        var done = await groups.DecideAsync(Standing.Group.Id, userId, approve, Standing.UserId!);
        StatusMessage = !done ? "Error: that request was already decided." : approve ? "Approved: they are now a member." : "Declined.";
        return RedirectToPage(new { slug });
    }

    public async Task<IActionResult> OnPostRoleAsync(string slug, string userId, GroupRole role)
    {
        if (await LoadAsync(slug) is { } refusal)
        {
            return refusal;
        }
        var error = await groups.SetRoleAsync(Standing.Group.Id, userId, role, Standing.UserId!);
        StatusMessage = error is null ? "Role saved." : "Error: " + error;
        return RedirectToPage(new { slug });
    }

    private async Task<IActionResult?> LoadAsync(string slug)
    {
        if (await access.ForSlugAsync(slug) is not { } standing)
        {
            return NotFound();
        }
        if (!standing.CanModerate)
        {
            return Forbid();
        }
        Standing = standing;
        return null;
    }
}
