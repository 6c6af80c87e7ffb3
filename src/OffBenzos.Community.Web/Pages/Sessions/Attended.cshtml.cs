using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Authorization;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Sessions;

namespace OffBenzos.Community.Web.Pages.Sessions;

/// <summary>The sessions a member attended, with dates: a record for their own use (with their prescriber, say).</summary>
[Authorize]
public sealed class AttendedModel(CommunityDb db, CurrentAccount current) : PageModel
{
    public sealed record Row(int SessionId, string Title, string GroupName, string HostName, DateTimeOffset StartsAt, int DurationMinutes, DateTimeOffset JoinedAt);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var me = (await current.GetAsync())!.UserId;
        var rows = await db.SessionAttendances.AsNoTracking().Where(a => a.UserId == me)
            .Join(db.LiveSessions, a => a.SessionId, s => s.Id, (a, s) => new
            {
                s.Id,
                s.Title,
                GroupName = db.Groups.Where(g => g.Id == s.GroupId).Select(g => g.Name).Single(),
                HostName = db.Users.Where(u => u.Id == s.HostId).Select(u => u.DisplayName).FirstOrDefault() ?? "a former member",
                s.StartsAt,
                s.DurationMinutes,
                a.FirstJoinedAt,
            })
            .ToListAsync();
        Rows = rows.OrderByDescending(r => r.StartsAt)
            .Select(r => new Row(r.Id, r.Title, r.GroupName, r.HostName, r.StartsAt, r.DurationMinutes, r.FirstJoinedAt)).ToList();
    }
}
