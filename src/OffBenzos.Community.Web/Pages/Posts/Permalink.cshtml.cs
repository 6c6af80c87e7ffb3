using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Forum;

namespace OffBenzos.Community.Web.Pages.Posts;

/// <summary>/posts/{id}: a stable link to any post, wherever its thread now lives and whatever page it is on.</summary>
public sealed class PermalinkModel(CommunityDb db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var target = await db.Posts.AsNoTracking().Where(p => p.Id == id)
            .Join(db.Threads, p => p.ThreadId, t => t.Id, (p, t) => new { p.Number, t.Id, t.GroupId })
            .Join(db.Groups, x => x.GroupId, g => g.Id, (x, g) => new { x.Number, ThreadId = x.Id, g.Slug })
            .SingleOrDefaultAsync();
        // The thread page decides whether this reader may see it.
        return target is null
            ? NotFound()
            : Redirect($"/groups/{target.Slug}/threads/{target.ThreadId}?page={ForumService.PageOf(target.Number)}#post-{id}");
    }
}
