using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Forum;
using OffBenzos.Community.Web.Groups;

namespace OffBenzos.Community.Web.Pages.Groups;

/// <summary>The directory of peer support groups, open to everyone.</summary>
public sealed class IndexModel(CommunityDb db) : PageModel
{
    public sealed record Row(Group Group, int MemberCount, DateTimeOffset? LatestActivity);

    public IReadOnlyList<Row> Groups { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var rows = await db.Groups.AsNoTracking()
            .OrderBy(g => g.Name)
            .Select(g => new
            {
                Group = g,
                Members = db.GroupMemberships.Count(m => m.GroupId == g.Id && m.State == MembershipState.Active),
                // Latest activity is shown for every group: it reveals no thread content.
                Latest = db.Threads.Where(t => t.GroupId == g.Id && t.State == ContentState.Visible)
                    .OrderByDescending(t => t.LastActivityAt).Select(t => (DateTimeOffset?)t.LastActivityAt).FirstOrDefault(),
            })
            .ToListAsync();
        Groups = rows.Select(r => new Row(r.Group, r.Members, r.Latest)).ToList();
    }
}
