using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Forum;
using OffBenzos.Community.Web.Groups;

namespace OffBenzos.Community.Web.Pages;

/// <summary>The member's saved posts, newest saved first, limited to what they may still read.</summary>
[Authorize]
public sealed class BookmarksModel(CommunityDb db, GroupAccess access, UserManager<CommunityUser> users) : PageModel
{
    public sealed record Row(int PostId, string ThreadTitle, string GroupName, string Author, string Excerpt, DateTimeOffset SavedAt);

    public IReadOnlyList<Row> Saved { get; private set; } = [];

    private const int ExcerptLength = 240;

    public async Task OnGetAsync()
    {
        var me = users.GetUserId(User)!;
        var readable = await access.ReadableGroupIdsAsync();
        Saved = await db.Bookmarks.AsNoTracking().Where(b => b.UserId == me)
            .Join(db.Posts, b => b.PostId, p => p.Id, (b, p) => new { b, p })
            .Join(db.Threads, x => x.p.ThreadId, t => t.Id, (x, t) => new { x.b, x.p, t })
            .Where(x => readable.Contains(x.t.GroupId) && x.t.State == ContentState.Visible && x.p.State == ContentState.Visible)
            .OrderByDescending(x => x.b.At)
            .Select(x => new Row(
                x.p.Id,
                x.t.Title,
                db.Groups.Where(g => g.Id == x.t.GroupId).Select(g => g.Name).First(),
                db.Users.Where(u => u.Id == x.p.AuthorId).Select(u => u.DisplayName).FirstOrDefault() ?? "a former member",
                x.p.PlainText,
                x.b.At))
            .Take(200)
            .ToListAsync();
        Saved = Saved.Select(r => r.Excerpt.Length > ExcerptLength ? r with { Excerpt = r.Excerpt[..ExcerptLength] + "…" } : r).ToList();
    }
}
