using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Groups;

namespace OffBenzos.Community.Web.Pages.Groups;

/// <summary>A group's page: what it is for and its rules.</summary>
public sealed class GroupModel(CommunityDb db) : PageModel
{
    public Group Group { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        var group = await db.Groups.AsNoTracking().SingleOrDefaultAsync(g => g.Slug == slug);
        if (group is null)
        {
            return NotFound();
        }
        Group = group;
        return Page();
    }
}
