using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Forum;
using OffBenzos.Community.Web.Groups;

namespace OffBenzos.Community.Web.Pages.Posts;

/// <summary>Earlier versions of a post: for its author and the group's moderators only.</summary>
public sealed class RevisionsModel(CommunityDb db, GroupAccess access) : PageModel
{
    public PostContext Context { get; private set; } = null!;
    public IReadOnlyList<PostRevision> Revisions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var context = await PostContext.LoadAsync(db, access, id);
        if (context is null)
        {
            return NotFound();
        }
        if (context.Standing.UserId is null)
        {
            return Challenge();
        }
        if (context.Post.AuthorId != context.Standing.UserId && !context.Standing.CanModerate)
        {
            return Forbid();
        }
        Context = context;
        Revisions = await db.PostRevisions.AsNoTracking().Where(r => r.PostId == id).OrderByDescending(r => r.WrittenAt).ThenByDescending(r => r.Id).ToListAsync();
        return Page();
    }
}
