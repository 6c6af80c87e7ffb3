using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OffBenzos.Community.BrowserTests.Infrastructure;
using OffBenzos.Community.Web.Groups;
using static Microsoft.Playwright.Assertions;

namespace OffBenzos.Community.BrowserTests.Journeys;

public sealed partial class LiveSessionJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public Task A_coach_schedules_a_member_says_going_in_their_own_time_zone_and_the_host_slows_and_mutes_the_room_live_once_connected() => Journey.RunAsync(fixture, async journey =>
    {
        var app = journey.App;
        var group = await app.CreateGroupAsync("Evening circle");
        var coachUser = await app.CreateUserAsync("Coach Maya");
        var memberUser = await app.CreateUserAsync("Priya Stone");
        await app.AddMemberAsync(group, coachUser, GroupRole.Coach);
        await app.AddMemberAsync(group, memberUser);
        await app.SetTimeZoneAsync(coachUser, "Europe/London");
        await app.SetTimeZoneAsync(memberUser, "Asia/Kolkata");

        // The coach schedules, in their own zone, a session starting in a few minutes (so it may open now).
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var start = TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow().AddMinutes(10), london);
        var coach = await journey.SignedInAsync(coachUser);
        await coach.GoToAsync("/sessions/new");
        await coach.Page.GetByLabel("Group").SelectOptionAsync(new SelectOptionValue { Label = "Evening circle" });
        await coach.Page.GetByLabel("Title").FillAsync("Sleep without panic");
        await coach.Page.GetByLabel("Date").FillAsync(start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await coach.Page.GetByLabel("Start time").FillAsync(start.ToString("HH:mm", CultureInfo.InvariantCulture));
        await Expect(coach.Page.GetByLabel("In the time zone")).ToHaveValueAsync("Europe/London");
        await coach.Page.GetByRole(AriaRole.Button, new() { Name = "Schedule it" }).ClickAsync();
        await Expect(coach.Page.GetByRole(AriaRole.Heading, new() { Name = "Sleep without panic", Level = 1 })).ToBeVisibleAsync();
        var sessionPath = new Uri(coach.Page.Url).AbsolutePath;
        Assert.Matches(SessionPath(), sessionPath);

        // The member finds it, in Kolkata time, and says they are going.
        var startsUtc = TimeZoneInfo.ConvertTimeToUtc(new DateTime(start.Year, start.Month, start.Day, start.Hour, start.Minute, 0, DateTimeKind.Unspecified), london);
        var inKolkata = TimeZoneInfo.ConvertTimeFromUtc(startsUtc, TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata"));
        var member = await journey.SignedInAsync(memberUser);
        await member.GoToAsync("/sessions");
        await Expect(member.Page.Locator("main")).ToContainTextAsync(inKolkata.ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture));
        await member.Page.GetByRole(AriaRole.Link, new() { Name = "Sleep without panic" }).ClickAsync();
        await Expect(member.Page.Locator("main .meta").First).ToContainTextAsync($"{inKolkata.ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture)} (Asia/Kolkata)");
        await member.Page.GetByRole(AriaRole.Button, new() { Name = "I'm going" }).ClickAsync();
        await Expect(member.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "You're going." })).ToBeVisibleAsync();
        await Expect(member.Page.GetByRole(AriaRole.Heading, new() { Name = "The lobby" })).ToBeVisibleAsync();

        // The coach opens the room; the member's page, waiting in the lobby, lets them in by itself.
        // The coach's page connects slowly this time: until it is in the room, its controls wait.
        var connect = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await coach.Page.RouteAsync("**/hubs/chat/negotiate**", async route =>
        {
            await connect.Task;
            await route.ContinueAsync();
        });
        await coach.Page.GetByRole(AriaRole.Button, new() { Name = "Open the room" }).ClickAsync();
        await Expect(coach.Page.GetByRole(AriaRole.Heading, new() { Name = "The room" })).ToBeVisibleAsync();
        await Expect(coach.Page.GetByLabel("Slow mode")).ToBeDisabledAsync();
        await Expect(coach.Page.GetByRole(AriaRole.Button, new() { Name = "End the session" })).ToBeDisabledAsync();
        connect.SetResult();
        await Expect(coach.Page.GetByLabel("Slow mode")).ToBeEnabledAsync();
        await Expect(member.Page.GetByRole(AriaRole.Heading, new() { Name = "The room" })).ToBeVisibleAsync();
        var composer = member.Page.GetByLabel("Your message");
        await Expect(composer).ToBeEnabledAsync();

        // Slow mode: the member is told at once.
        await coach.Page.GetByLabel("Slow mode").SelectOptionAsync("10");
        var notice = member.Page.Locator("[data-session-notice]");
        await Expect(notice).ToContainTextAsync("Slow mode is on: one message every 10 seconds.");

        // Muted: the member sees why they cannot write, and cannot.
        await coach.Page.GetByRole(AriaRole.Button, new() { Name = "Mute Priya Stone" }).ClickAsync();
        await Expect(notice).ToContainTextAsync("The host has muted you for now. You can still read along.");
        await Expect(composer).ToBeDisabledAsync();
        await Expect(member.Page.GetByRole(AriaRole.Button, new() { Name = "Send" })).ToBeDisabledAsync();
        await Expect(coach.Page.GetByRole(AriaRole.Button, new() { Name = "Unmute Priya Stone" })).ToBeVisibleAsync();
    });

    [GeneratedRegex(@"^/sessions/\d+$")]
    private static partial Regex SessionPath();
}
