using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Forum;
using OffBenzos.Community.Web.Sessions;

namespace OffBenzos.Community.Web.Pages.Sessions;

/// <summary>
/// One live session: when (in the member's time zone), going or not, the calendar file, the rules
/// card; then the lobby, the room while it is open, and afterwards the transcript for those who came.
/// </summary>
[Authorize]
public sealed class SessionModel(CommunityDb db, SessionService sessions, IOptions<LiveSessionOptions> options) : PageModel
{
    public sealed record Line(string AuthorName, string Text, DateTimeOffset SentAt);

    public SessionService.Viewer Viewer { get; private set; } = null!;
    public LiveSession Session => Viewer.Session;
    public string GroupName { get; private set; } = "";
    public string GroupSlug { get; private set; } = "";
    public string GroupRules { get; private set; } = "";
    public string HostName { get; private set; } = "";
    public SessionService.Counts Counts { get; private set; } = new(0, 0, null);
    public RsvpResponse? Answer { get; private set; }
    public SessionAttendance? Attendance { get; private set; }
    public IReadOnlyList<Line>? Transcript { get; private set; }
    public DateTimeOffset? TranscriptUntil { get; private set; }
    public bool Sound { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }
        if (Session.Status == LiveSessionStatus.Ended && Session.TranscriptDeletedAt is null
            && (Viewer.CanHost || Attendance is { RemovedAt: null }))
        {
            TranscriptUntil = Session.EndedAt!.Value.AddDays(options.Value.TranscriptDays);
            var from = Session.LateJoinerPrivacy && !Viewer.CanHost ? Attendance!.FirstJoinedAt : DateTimeOffset.MinValue;
            var rows = await db.ChatMessages.AsNoTracking()
                .Where(m => m.RoomId == Session.RoomId && m.State == ContentState.Visible && m.Sequence != null && m.SentAt >= from)
                .Join(db.Users, m => m.AuthorId, u => u.Id, (m, u) => new { m.Sequence, u.DisplayName, m.Text, m.SentAt })
                .ToListAsync();
            Transcript = rows.OrderBy(r => r.Sequence).Select(r => new Line(r.DisplayName, r.Text, r.SentAt)).ToList();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAnswerAsync(int id, bool going)
    {
        var (answer, error) = await sessions.AnswerAsync(id, going);
        if (answer is null && error == "There is no such session.")
        {
            return NotFound();
        }
        StatusMessage = error is not null ? "Error: " + error : answer switch
        {
            RsvpResponse.Going => "You're going. We'll remind you 15 minutes before it starts.",
            RsvpResponse.Waitlisted => "The session is full, so you're on the waitlist. If a place comes free it's yours, and we'll tell you.",
            _ => "Thanks for letting the host know you can't come.",
        };
        return Redirect($"/sessions/{id}");
    }

    public Task<IActionResult> OnPostOpenAsync(int id) => HostAsync(id, sessions.OpenAsync(id), "The room is open. Members can come in now.");

    public Task<IActionResult> OnPostEndAsync(int id) => HostAsync(id, sessions.EndAsync(id), "The session has ended.");

    public Task<IActionResult> OnPostCancelAsync(int id, string? reason) => HostAsync(id, sessions.CancelAsync(id, reason), "The session is cancelled; everyone who answered has been told.");

    private async Task<IActionResult> HostAsync(int id, Task<string?> action, string done)
    {
        var error = await action;
        if (error == "Only the session's host can do that.")
        {
            return Forbid();
        }
        StatusMessage = error is null ? done : "Error: " + error;
        return Redirect($"/sessions/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        if (await sessions.ViewAsync(id) is not { } viewer)
        {
            return NotFound();
        }
        Viewer = viewer;
        var userId = viewer.Standing.UserId;
        var group = await db.Groups.AsNoTracking().SingleAsync(g => g.Id == Session.GroupId);
        (GroupName, GroupSlug, GroupRules) = (group.Name, group.Slug, group.Rules);
        HostName = await db.Users.Where(u => u.Id == Session.HostId).Select(u => u.DisplayName).FirstOrDefaultAsync() ?? "a former member";
        Counts = await sessions.CountsAsync(id, userId);
        Answer = await db.SessionRsvps.Where(r => r.SessionId == id && r.UserId == userId).Select(r => (RsvpResponse?)r.Response).FirstOrDefaultAsync();
        Attendance = await db.SessionAttendances.AsNoTracking().SingleOrDefaultAsync(a => a.SessionId == id && a.UserId == userId);
        Sound = User.FindFirst(CommunityClaims.ChatSound)?.Value == bool.TrueString;
        return null;
    }
}
