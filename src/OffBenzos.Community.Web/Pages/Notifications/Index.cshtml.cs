using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Notifications;

namespace OffBenzos.Community.Web.Pages.Notifications;

/// <summary>The member's notifications, newest first; unread ones are marked read when they are shown.</summary>
[Authorize]
public sealed class IndexModel(CommunityDb db, NotificationService notifications, UserManager<CommunityUser> users) : PageModel
{
    public sealed record Row(NotificationKind Kind, string Actor, int? PostId, string Summary, string? Detail, string? AppealKey, string? Url, DateTimeOffset At, bool Unread);

    public IReadOnlyList<Row> Items { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var me = users.GetUserId(User)!;
        Items = await db.Notifications.AsNoTracking().Where(n => n.UserId == me)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(100)
            .Select(n => new Row(
                n.Kind,
                db.Users.Where(u => u.Id == n.ActorId).Select(u => u.DisplayName).FirstOrDefault() ?? "a former member",
                n.PostId,
                n.Summary,
                n.Detail,
                n.AppealKey,
                n.Url,
                n.CreatedAt,
                n.ReadAt == null))
            .ToListAsync();
        if (Items.Any(i => i.Unread))
        {
            await notifications.MarkAllReadAsync(me);
        }
    }
}
