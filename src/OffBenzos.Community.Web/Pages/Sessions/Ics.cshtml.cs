using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Sessions;

namespace OffBenzos.Community.Web.Pages.Sessions;

/// <summary>The session as a calendar file, for those who may see it.</summary>
[Authorize]
public sealed class IcsModel(CommunityDb db, SessionService sessions, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await sessions.ViewAsync(id) is not { } viewer)
        {
            return NotFound();
        }
        var session = viewer.Session;
        var group = await db.Groups.Where(g => g.Id == session.GroupId).Select(g => g.Name).SingleAsync();
        var host = await db.Users.Where(u => u.Id == session.HostId).Select(u => u.DisplayName).FirstOrDefaultAsync() ?? "a former member";
        var page = new Uri($"{Request.Scheme}://{Request.Host}/sessions/{id}");
        var ics = SessionCalendar.Ics(session, group, host, page, clock.GetUtcNow());
        return File(System.Text.Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", $"offbenzos-session-{id}.ics");
    }
}
