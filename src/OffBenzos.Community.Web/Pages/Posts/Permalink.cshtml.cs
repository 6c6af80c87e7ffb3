using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Forum;
using OffBenzos.Community.Web.Groups;

namespace OffBenzos.Community.Web.Pages.Posts;

/// <summary>/posts/{id}: a stable link to any post, wherever its thread now lives and whatever page it is on.</summary>
public sealed class PermalinkModel(CommunityDb db, GroupAccess access) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var target = await db.Posts.AsNoTracking().Where(p => p.Id == id)
            .Join(db.Threads, p => p.ThreadId, t => t.Id, (p, t) => new { p.Number, ThreadId = t.Id, t.GroupId })
            .SingleOrDefaultAsync();
        if (target is null || await access.ForGroupIdAsync(target.GroupId) is not { } standing)
        {
            return NotFound();
        }
        // The thread page decides whether this reader may see the post; the redirect itself would say
        // where it lives, so only those who may read the group are sent there. Signed out, a member
        // following a link from an e-mail signs in first and comes back here.
        if (!standing.CanRead)
        {
            return standing.UserId is null ? Challenge() : NotFound();
        }
        return Redirect($"/groups/{standing.Group.Slug}/threads/{target.ThreadId}?page={ForumService.PageOf(target.Number)}#post-{id}");
    }
}
