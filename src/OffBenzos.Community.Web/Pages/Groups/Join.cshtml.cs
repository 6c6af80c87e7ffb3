using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OffBenzos.Community.Web.Groups;

namespace OffBenzos.Community.Web.Pages.Groups;

/// <summary>Joining shows the group's rules first; the member joins by agreeing to them.</summary>
[Authorize]
public sealed class JoinModel(GroupAccess access, GroupService groups) : PageModel
{
    public Group Group { get; private set; } = null!;

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (await access.ForSlugAsync(slug) is not { } standing)
        {
            return NotFound();
        }
        if (standing.IsMember || standing.IsPending)
        {
            return Redirect($"/groups/{slug}");
        }
        Group = standing.Group;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug)
    {
        if (await access.ForSlugAsync(slug) is not { UserId: { } userId } standing)
        {
            return NotFound();
        }
        var state = await groups.JoinAsync(standing.Group, userId);
        StatusMessage = state == MembershipState.Active
            ? $"Welcome to {standing.Group.Name}. Take your time: read, say hello, or start a thread."
            : $"Thank you. Your request to join {standing.Group.Name} is with its moderators.";
        return Redirect($"/groups/{slug}");
    }
}
