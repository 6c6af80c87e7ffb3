using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Moderation;

namespace OffBenzos.Community.Web.Pages.Admin;

/// <summary>
/// One member, for admins. The e-mail address is not shown: an admin who needs it (an emergency,
/// a legal request) gives a reason, and the look is written to the audit log before it is shown.
/// </summary>
public sealed class MemberModel(CommunityDb db, UserManager<CommunityUser> users, AuditLog audit) : PageModel
{
    public const int ReasonMin = 10;
    public const int ReasonMax = 500;

    public sealed record GroupRow(string Name, string Slug, string Role, string State);

    public CommunityUser Member { get; private set; } = null!;
    public IReadOnlyList<string> Roles { get; private set; } = [];
    public IReadOnlyList<GroupRow> Groups { get; private set; } = [];
    public string? RevealedEmail { get; private set; }
    public string? Error { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(string id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostRevealAsync(string id)
    {
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }
        var reason = Reason?.Trim() ?? "";
        if (reason.Length < ReasonMin || reason.Length > ReasonMax)
        {
            Error = $"Please give the reason in {ReasonMin} to {ReasonMax} characters. It is kept in the audit log.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await audit.AppendAsync(new AuditLog.Entry(users.GetUserId(User)!, "member.email-reveal", ModerationTargets.Profile, Member.Id, null, reason));
        RevealedEmail = Member.Email;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string id)
    {
        if (await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id) is not { } member)
        {
            return NotFound();
        }
        Member = member;
        Roles = await db.UserRoles.Where(r => r.UserId == id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync();
        Groups = await db.GroupMemberships.AsNoTracking().Where(m => m.UserId == id)
            .Join(db.Groups, m => m.GroupId, g => g.Id, (m, g) => new GroupRow(g.Name, g.Slug, m.Role.ToString(), m.State.ToString()))
            .ToListAsync();
        return null;
    }
}
