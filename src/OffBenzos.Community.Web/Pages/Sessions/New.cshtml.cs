using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Groups;
using OffBenzos.Community.Web.Sessions;

namespace OffBenzos.Community.Web.Pages.Sessions;

/// <summary>A coach schedules a live session for a group they coach, entering the start in their own time zone.</summary>
[Authorize]
public sealed class NewModel(SessionService sessions, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Group> Groups { get; private set; } = [];
    public Dictionary<string, string> Errors { get; private set; } = [];

    [BindProperty] public int GroupId { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public TimeOnly? Time { get; set; }
    [BindProperty] public string? TimeZoneId { get; set; }
    [BindProperty] public int? DurationMinutes { get; set; } = 60;
    [BindProperty] public int? Capacity { get; set; } = 12;

    public static IReadOnlyList<string> TimeZones => Areas.Identity.Pages.Account.Manage.IndexModel.TimeZones;

    public async Task<IActionResult> OnGetAsync(string? group)
    {
        Groups = await sessions.CoachedGroupsAsync();
        if (Groups.Count == 0)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        GroupId = Groups.FirstOrDefault(g => g.Slug == group)?.Id ?? Groups[0].Id;
        TimeZoneId = User.FindFirst(CommunityClaims.TimeZone)?.Value ?? "UTC";
        var tomorrow = clock.GetUtcNow().AddDays(1);
        Date = DateOnly.FromDateTime(tomorrow.UtcDateTime);
        Time = new TimeOnly(19, 0);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Groups = await sessions.CoachedGroupsAsync();
        if (Groups.Count == 0)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        // Unparseable dates and numbers arrive as nulls; the service says what is missing in words.
        var (session, errors) = await sessions.ScheduleAsync(new SessionService.ScheduleInput(GroupId, Title, Description, Date, Time, TimeZoneId, DurationMinutes, Capacity));
        if (session is null)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["StatusMessage"] = "Your session is scheduled. Members of the group can see it and say whether they're coming.";
        return Redirect($"/sessions/{session.Id}");
    }
}
