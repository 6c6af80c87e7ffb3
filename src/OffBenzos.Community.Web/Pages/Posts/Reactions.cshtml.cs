using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Forum;
using OffBenzos.Community.Web.Groups;

namespace OffBenzos.Community.Web.Pages.Posts;

/// <summary>Who reacted to a post, by kind (display names only).</summary>
public sealed class ReactionsModel(CommunityDb db, GroupAccess access) : PageModel
{
    public PostContext Context { get; private set; } = null!;
    public IReadOnlyList<(ReactionKind Kind, IReadOnlyList<string> Names)> ByKind { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var context = await PostContext.LoadAsync(db, access, id);
        if (context is null || context.Post.State != ContentState.Visible)
        {
            return NotFound();
        }
        Context = context;
        var rows = await db.Reactions.AsNoTracking().Where(r => r.PostId == id)
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { r.Kind, u.DisplayName, r.At })
            .ToListAsync();
        ByKind = rows.GroupBy(r => r.Kind).OrderBy(g => g.Key)
            .Select(g => (g.Key, (IReadOnlyList<string>)g.OrderBy(r => r.At).Select(r => r.DisplayName).ToList())).ToList();
        return Page();
    }
}
