using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Authorization;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Groups;
using OffBenzos.Community.Web.Sessions;

namespace OffBenzos.Community.Web.Pages.Sessions;

/// <summary>Upcoming live sessions in the member's groups, in their own time zone, with their answer.</summary>
[Authorize]
public sealed class IndexModel(CommunityDb db, CurrentAccount current, SessionService sessions, TimeProvider clock) : PageModel
{
    public sealed record Row(LiveSession Session, string GroupName, string HostName, RsvpResponse? Answer);

    public IReadOnlyList<Row> Upcoming { get; private set; } = [];
    public bool CanSchedule { get; private set; }

    public async Task OnGetAsync()
    {
        var me = (await current.GetAsync())!.UserId;
        var now = clock.GetUtcNow();
        var mine = db.GroupMemberships.Where(m => m.UserId == me && m.State == MembershipState.Active).Select(m => m.GroupId);
        var rows = await db.LiveSessions.AsNoTracking()
            .Where(s => (s.Status == LiveSessionStatus.Scheduled || s.Status == LiveSessionStatus.Open) && (mine.Contains(s.GroupId) || s.HostId == me))
            .OrderBy(s => s.StartsAt)
            .Select(s => new
            {
                Session = s,
                GroupName = db.Groups.Where(g => g.Id == s.GroupId).Select(g => g.Name).Single(),
                HostName = db.Users.Where(u => u.Id == s.HostId).Select(u => u.DisplayName).FirstOrDefault() ?? "a former member",
                Answer = db.SessionRsvps.Where(r => r.SessionId == s.Id && r.UserId == me).Select(r => (RsvpResponse?)r.Response).FirstOrDefault(),
            })
            .Take(200)
            .ToListAsync();
        Upcoming = rows.Where(r => r.Session.EndsAt > now).Select(r => new Row(r.Session, r.GroupName, r.HostName, r.Answer)).ToList();
        CanSchedule = (await sessions.CoachedGroupsAsync()).Count > 0;
    }
}
