using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Groups;
using OffBenzos.Community.Web.Sessions;

namespace OffBenzos.Community.Tests.Infrastructure;

public static class SessionFixtures
{
    /// <summary>A coach of <paramref name="group"/>, signed in (browser and cookie).</summary>
    public static async Task<(CommunityApp.TestUser User, HttpClient Browser, string Cookie)> CoachAsync(this CommunityApp app, Group group, string name = "Coach Maya")
    {
        var coach = await app.CreateUserAsync(displayName: name);
        await app.AddMemberAsync(group, coach, GroupRole.Coach);
        var (browser, cookie) = await app.SignInAsync(coach);
        return (coach, browser, cookie);
    }

    /// <summary>Schedules through the real form; returns the response (a redirect to the session when it worked).</summary>
    public static Task<HttpResponseMessage> ScheduleAsync(this HttpClient coach, Group group, DateTime localStart, string zone = "UTC",
        int duration = 60, int capacity = 12, string title = "Evening check-in", string description = "A calm hour together.") =>
        coach.SubmitFormAsync("/sessions/new", new()
        {
            ["GroupId"] = group.Id.ToString(CultureInfo.InvariantCulture),
            ["Title"] = title,
            ["Description"] = description,
            ["Date"] = localStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Time"] = localStart.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["TimeZoneId"] = zone,
            ["DurationMinutes"] = duration.ToString(CultureInfo.InvariantCulture),
            ["Capacity"] = capacity.ToString(CultureInfo.InvariantCulture),
        });

    /// <summary>Schedules a session starting in ten minutes (UTC), which the host may open at once; returns it.</summary>
    public static async Task<LiveSession> ScheduleSoonAsync(this CommunityApp app, HttpClient coach, Group group, int capacity = 12)
    {
        var start = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(10);
        var response = await coach.ScheduleAsync(group, start, capacity: capacity);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        return await app.WithDbAsync(db => db.LiveSessions.AsNoTracking().SingleAsync(s => s.Id == id));
    }

    public static Task<HttpResponseMessage> AnswerAsync(this HttpClient member, int sessionId, bool going) =>
        member.SubmitFormAsync($"/sessions/{sessionId}", new() { ["going"] = going ? "true" : "false" }, "form[action*='handler=Answer']");
}
