using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Groups;

namespace OffBenzos.Community.Web.Pages.Groups;

/// <summary>The directory of peer support groups, open to everyone.</summary>
public sealed class IndexModel(CommunityDb db) : PageModel
{
    public IReadOnlyList<Group> Groups { get; private set; } = [];

    public async Task OnGetAsync() =>
        Groups = await db.Groups.AsNoTracking().OrderBy(g => g.Name).ToListAsync();
}
