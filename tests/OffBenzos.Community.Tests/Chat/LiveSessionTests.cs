using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OffBenzos.Community.Tests.Infrastructure;
using OffBenzos.Community.Web.Chat;
using OffBenzos.Community.Web.Groups;
using OffBenzos.Community.Web.Notifications;
using OffBenzos.Community.Web.Sessions;

namespace OffBenzos.Community.Tests.Chat;

/// <summary>Coach-hosted live sessions: scheduling, answers and the waitlist, the calendar file, the lobby, host controls and the transcript.</summary>
public sealed class LiveSessionTests : IDisposable
{
    private readonly CommunityApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task SetTimeZoneAsync(CommunityApp.TestUser user, string zone) =>
        await _app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.TimeZoneId, zone)));

    [Fact]
    public async Task A_coach_schedules_in_their_time_zone_and_a_member_sees_it_in_theirs()
    {
        var group = await _app.CreateGroupAsync();
        var (_, coach, _) = await _app.CoachAsync(group);
        var member = await _app.CreateUserAsync();
        await _app.AddMemberAsync(group, member);
        await SetTimeZoneAsync(member, "America/New_York");
        var year = _app.Clock.GetUtcNow().Year + 1;

        // 19:00 in London on 1 December is 19:00 UTC (no summer time), 14:00 in New York.
        var response = await coach.ScheduleAsync(group, new DateTime(year, 12, 1, 19, 0, 0), "Europe/London");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var session = await _app.WithDbAsync(db => db.LiveSessions.SingleAsync());
        Assert.Equal(new DateTimeOffset(year, 12, 1, 19, 0, 0, TimeSpan.Zero), session.StartsAt);
        var page = await (await _app.SignedInBrowserAsync(member)).GetPageAsync($"/sessions/{session.Id}");
        Assert.Contains($"1 Dec {year}, 14:00 (America/New_York)", page.TextOf(".meta"), StringComparison.Ordinal);
        var list = await (await _app.SignedInBrowserAsync(member)).GetPageAsync("/sessions");
        Assert.Contains("Evening check-in", list.TextOf(".thread-list"), StringComparison.Ordinal);
        Assert.Contains($"1 Dec {year}, 14:00", list.TextOf(".thread-list"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scheduling_refuses_bad_input_with_reasons_and_only_coaches_may_schedule()
    {
        var group = await _app.CreateGroupAsync();
        var (_, coach, _) = await _app.CoachAsync(group);
        var year = _app.Clock.GetUtcNow().Year + 1;

        // 01:30 on the last Sunday of March does not exist in London: the clocks jump from 01:00 to 02:00.
        var lastSunday = new DateTime(year, 3, 31);
        while (lastSunday.DayOfWeek != DayOfWeek.Sunday)
        {
            lastSunday = lastSunday.AddDays(-1);
        }
        var gap = await coach.ScheduleAsync(group, lastSunday.AddHours(1.5), "Europe/London", capacity: 0, title: "");
        Assert.Equal(HttpStatusCode.BadRequest, gap.StatusCode);
        var errors = (await gap.ParseAsync()).TextOf("[role=alert]");
        Assert.Contains("the clocks change", errors, StringComparison.Ordinal);
        Assert.Contains("Please give the session a title.", errors, StringComparison.Ordinal);
        Assert.Contains("number of places between 2 and 200", errors, StringComparison.Ordinal);
        var past = await coach.ScheduleAsync(group, _app.Clock.GetUtcNow().UtcDateTime.AddHours(-1));
        Assert.Contains("at least five minutes from now", (await past.ParseAsync()).TextOf("[role=alert]"), StringComparison.Ordinal);
        // The calendar's last evening, in a zone behind UTC, would fall past the end of time: a reason, not an error page.
        var farOff = await coach.ScheduleAsync(group, new DateTime(9999, 12, 31, 23, 0, 0), "America/New_York");
        Assert.Equal(HttpStatusCode.BadRequest, farOff.StatusCode);
        Assert.Contains("within the next two years", (await farOff.ParseAsync()).TextOf("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal(0, await _app.WithDbAsync(db => db.LiveSessions.CountAsync()));

        var member = await _app.CreateUserAsync();
        await _app.AddMemberAsync(group, member);
        var memberBrowser = await _app.SignedInBrowserAsync(member);
        var refused = await memberBrowser.GetAsync("/sessions/new");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("hosted by a group's coaches", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // A forged post (with the member's own antiforgery token from another page) is refused the same way.
        var token = (await memberBrowser.GetPageAsync($"/groups/{group.Slug}")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forged = await memberBrowser.PostAsync("/sessions/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["GroupId"] = group.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Title"] = "Not mine to host",
            ["Date"] = _app.Clock.GetUtcNow().AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Time"] = "19:00",
            ["TimeZoneId"] = "UTC",
            ["DurationMinutes"] = "60",
            ["Capacity"] = "10",
        }));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(0, await _app.WithDbAsync(db => db.LiveSessions.CountAsync()));
    }

    [Fact]
    public async Task Past_capacity_members_join_a_waitlist_that_moves_up_by_itself_when_a_place_comes_free()
    {
        var group = await _app.CreateGroupAsync();
        var (_, coach, _) = await _app.CoachAsync(group);
        var session = await _app.ScheduleSoonAsync(coach, group, capacity: 2);
        var members = new List<(CommunityApp.TestUser User, HttpClient Browser)>();
        for (var i = 0; i < 3; i++)
        {
            var user = await _app.CreateUserAsync();
            await _app.AddMemberAsync(group, user);
            members.Add((user, await _app.SignedInBrowserAsync(user)));
        }

        foreach (var (_, browser) in members)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await browser.AnswerAsync(session.Id, going: true)).StatusCode);
        }
        var answers = await _app.WithDbAsync(db => db.SessionRsvps.ToDictionaryAsync(r => r.UserId, r => r.Response));
        Assert.Equal([RsvpResponse.Going, RsvpResponse.Going, RsvpResponse.Waitlisted], members.Select(m => answers[m.User.Id]));
        Assert.Contains("waitlist (number 1)", (await members[2].Browser.GetPageAsync($"/sessions/{session.Id}")).TextOf("#answer-title + p"), StringComparison.Ordinal);

        await members[0].Browser.AnswerAsync(session.Id, going: false);

        answers = await _app.WithDbAsync(db => db.SessionRsvps.ToDictionaryAsync(r => r.UserId, r => r.Response));
        Assert.Equal([RsvpResponse.NotGoing, RsvpResponse.Going, RsvpResponse.Going], members.Select(m => answers[m.User.Id]));
        var notice = await _app.WithDbAsync(db => db.Notifications.SingleAsync(n => n.UserId == members[2].User.Id));
        Assert.Equal((NotificationKind.SessionUpdate, $"/sessions/{session.Id}"), (notice.Kind, notice.Url));
    }

    [Fact]
    public async Task The_calendar_file_holds_the_session_in_UTC_and_only_those_who_may_see_it_get_it()
    {
        var group = await _app.CreateGroupAsync();
        var (_, coach, _) = await _app.CoachAsync(group);
        var year = _app.Clock.GetUtcNow().Year + 1;
        await coach.ScheduleAsync(group, new DateTime(year, 7, 1, 20, 0, 0), "Europe/London", duration: 90, title: "Sleep, naps, and evenings; what helps");
        var session = await _app.WithDbAsync(db => db.LiveSessions.SingleAsync());

        var response = await coach.GetAsync($"/sessions/{session.Id}/ics");

        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var ics = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", ics, StringComparison.Ordinal);
        // 20:00 in London in July is 19:00 UTC (summer time); 90 minutes long.
        Assert.Contains($"DTSTART:{year}0701T190000Z\r\n", ics, StringComparison.Ordinal);
        Assert.Contains($"DTEND:{year}0701T203000Z\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Sleep\\, naps\\, and evenings\\; what helps\r\n", ics, StringComparison.Ordinal);
        Assert.Contains($"UID:session-{session.Id}@", ics, StringComparison.Ordinal);
        Assert.All(ics.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
        Assert.EndsWith("END:VCALENDAR\r\n", ics, StringComparison.Ordinal);

        var outsider = await _app.SignedInBrowserAsync(await _app.CreateUserAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/sessions/{session.Id}/ics")).StatusCode);
    }

    [Fact]
    public async Task Members_going_get_one_reminder_fifteen_minutes_before()
    {
        var group = await _app.CreateGroupAsync();
        var (coachUser, coach, _) = await _app.CoachAsync(group);
        var year = _app.Clock.GetUtcNow().Year + 1;
        await coach.ScheduleAsync(group, new DateTime(year, 2, 1, 18, 0, 0));
        var session = await _app.WithDbAsync(db => db.LiveSessions.SingleAsync());
        var member = await _app.CreateUserAsync();
        await _app.AddMemberAsync(group, member);
        await (await _app.SignedInBrowserAsync(member)).AnswerAsync(session.Id, going: true);

        await using var scope = _app.Services.CreateAsyncScope();
        var sessions = scope.ServiceProvider.GetRequiredService<SessionService>();
        Assert.Equal(0, await sessions.SendRemindersAsync());
        _app.Clock.Advance(session.StartsAt - _app.Clock.GetUtcNow() - TimeSpan.FromMinutes(14));
        Assert.Equal(2, await sessions.SendRemindersAsync());
        Assert.Equal(0, await sessions.SendRemindersAsync());

        var reminders = await _app.WithDbAsync(db => db.Notifications.Where(n => n.Kind == NotificationKind.SessionReminder).Select(n => n.UserId).ToListAsync());
        Assert.Equal(new[] { coachUser.Id, member.Id }.Order(), reminders.Order());
    }

    /// <summary>A coach's session, opened, with the host's connection in the room.</summary>
    private async Task<(Group Group, HttpClient Coach, LiveSession Session, ChatTestClient Host)> OpenSessionAsync()
    {
        var group = await _app.CreateGroupAsync();
        var (_, coach, coachCookie) = await _app.CoachAsync(group);
        var session = await _app.ScheduleSoonAsync(coach, group);
        var host = await ChatTestClient.ConnectAsync(_app, coachCookie);
        await host.Connection.InvokeAsync<string?>("OpenSession", session.Id);
        await host.JoinAsync(session.RoomId);
        return (group, coach, session, host);
    }

    /// <summary>A group with a coach and a session of two places starting soon; the members have joined the group, and those going have said so.</summary>
    private async Task<(LiveSession Session, string CoachCookie, CommunityApp.TestUser[] Members)> TwoPlaceSessionAsync(params (string Name, bool Going)[] members)
    {
        var group = await _app.CreateGroupAsync();
        var (_, coach, coachCookie) = await _app.CoachAsync(group);
        var session = await _app.ScheduleSoonAsync(coach, group, capacity: 2);
        var users = new List<CommunityApp.TestUser>();
        foreach (var (name, going) in members)
        {
            var user = await _app.CreateUserAsync(displayName: name);
            await _app.AddMemberAsync(group, user);
            if (going)
            {
                await (await _app.SignInAsync(user)).Browser.AnswerAsync(session.Id, going: true);
            }
            users.Add(user);
        }
        return (session, coachCookie, [.. users]);
    }

    [Fact]
    public async Task The_lobby_waits_for_the_host_then_members_who_answered_come_in_and_others_only_while_places_are_left()
    {
        var (session, coachCookie, members) = await TwoPlaceSessionAsync(("Going Gale", true), ("Walk In Wren", false), ("Late Lark", false));
        var (going, walkIn, late) = (members[0], members[1], members[2]);
        await using var host = await ChatTestClient.ConnectAsync(_app, coachCookie);
        await using var gale = await ChatTestClient.ConnectAsync(_app, (await _app.SignInAsync(going)).Cookie);

        var inLobby = await gale.JoinAsync(session.RoomId);
        Assert.True(inLobby.Ok);
        Assert.Equal("Scheduled", inLobby.Session!.Status);
        var early = await gale.SendAsync(session.RoomId, "hello?");
        Assert.Equal((ChatSendStatus.Refused, "The room opens when the host opens it."), (early.Status, early.Error));

        Assert.Null(await host.Connection.InvokeAsync<string?>("OpenSession", session.Id));
        Assert.Equal("Open", (await ChatTestClient.NextAsync(gale.States)).Status);
        Assert.True((await gale.JoinAsync(session.RoomId)).Ok);
        Assert.Equal(ChatSendStatus.Sent, (await gale.SendAsync(session.RoomId, "Hi everyone")).Status);

        // One place kept for Gale (taken), one left: the first walk-in takes it, the next finds it full.
        await using var wren = await ChatTestClient.ConnectAsync(_app, (await _app.SignInAsync(walkIn)).Cookie);
        Assert.True((await wren.JoinAsync(session.RoomId)).Ok);
        await using var lark = await ChatTestClient.ConnectAsync(_app, (await _app.SignInAsync(late)).Cookie);
        var full = await lark.JoinAsync(session.RoomId);
        Assert.False(full.Ok);
        Assert.Contains("This session is full", full.Error, StringComparison.Ordinal);
        Assert.Equal(ChatSendStatus.Refused, (await lark.SendAsync(session.RoomId, "let me in")).Status);
    }

    [Fact]
    public async Task A_connection_that_waited_in_the_lobby_hears_nothing_of_the_open_room_unless_its_place_is_checked()
    {
        // Both places are kept for those who said they are going.
        var (session, coachCookie, members) = await TwoPlaceSessionAsync(("Going Gale", true), ("Going Gil", true), ("Lobby Lou", false));
        await using var host = await ChatTestClient.ConnectAsync(_app, coachCookie);
        await using var gale = await ChatTestClient.ConnectAsync(_app, (await _app.SignInAsync(members[0])).Cookie);
        await using var lou = await ChatTestClient.ConnectAsync(_app, (await _app.SignInAsync(members[2])).Cookie);
        Assert.True((await gale.JoinAsync(session.RoomId)).Ok);
        Assert.True((await lou.JoinAsync(session.RoomId)).Ok);

        Assert.Null(await host.Connection.InvokeAsync<string?>("OpenSession", session.Id));
        // Lou's page would enter again now and hear that the places are kept; this client stays put.
        Assert.Equal("Open", (await ChatTestClient.NextAsync(lou.States)).Status);
        Assert.True((await host.JoinAsync(session.RoomId)).Ok);
        Assert.True((await gale.JoinAsync(session.RoomId)).Ok);
        Assert.Equal(ChatSendStatus.Sent, (await gale.SendAsync(session.RoomId, "Something personal about my taper")).Status);

        Assert.Equal("Something personal about my taper", (await ChatTestClient.NextAsync(host.Messages)).Text);
        Assert.True(await ChatTestClient.StaysEmptyAsync(lou.Messages, 1000));
        Assert.False((await lou.JoinAsync(session.RoomId)).Ok);
    }

    [Fact]
    public async Task Host_controls_reach_everyone_live_hold_on_the_server_and_are_audited()
    {
        var group = await _app.CreateGroupAsync();
        var (_, coach, coachCookie) = await _app.CoachAsync(group);
        var session = await _app.ScheduleSoonAsync(coach, group);
        var member = await _app.CreateUserAsync(displayName: "Member Mo");
        await _app.AddMemberAsync(group, member);
        await using var host = await ChatTestClient.ConnectAsync(_app, coachCookie);
        Assert.Null(await host.Connection.InvokeAsync<string?>("OpenSession", session.Id));
        Assert.True((await host.JoinAsync(session.RoomId)).Ok);
        await using var mo = await ChatTestClient.ConnectAsync(_app, (await _app.SignInAsync(member)).Cookie);
        Assert.True((await mo.JoinAsync(session.RoomId)).Ok);

        // A member cannot use host controls.
        Assert.Equal("Only the session's host can do that.", await mo.Connection.InvokeAsync<string?>("SetSlowMode", session.Id, 30));

        // Mute: the member is told in the room's state and refused on the server.
        Assert.Null(await host.Connection.InvokeAsync<string?>("MuteMember", session.Id, member.Id, true));
        Assert.Contains(member.Id, (await ChatTestClient.NextAsync(mo.States)).Muted);
        var muted = await mo.SendAsync(session.RoomId, "can you hear me?");
        Assert.Equal((ChatSendStatus.Refused, "The host has muted you for now. You can still read along."), (muted.Status, muted.Error));
        Assert.Null(await host.Connection.InvokeAsync<string?>("MuteMember", session.Id, member.Id, false));
        Assert.Empty((await ChatTestClient.NextAsync(mo.States)).Muted);

        // Slow mode: one message per 30 seconds, with the time left to wait.
        Assert.Null(await host.Connection.InvokeAsync<string?>("SetSlowMode", session.Id, 30));
        Assert.Equal(30, (await ChatTestClient.NextAsync(mo.States)).SlowModeSeconds);
        Assert.Equal(ChatSendStatus.Sent, (await mo.SendAsync(session.RoomId, "first")).Status);
        var waiting = await mo.SendAsync(session.RoomId, "second");
        Assert.Equal(ChatSendStatus.Retry, waiting.Status);
        Assert.InRange(waiting.RetryAfterSeconds!.Value, 25, 30);
        Assert.Equal(ChatSendStatus.Sent, (await host.SendAsync(session.RoomId, "the host is not slowed")).Status);
        _app.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(ChatSendStatus.Sent, (await mo.SendAsync(session.RoomId, "second")).Status);

        // Announcement mode: only the host writes.
        Assert.Null(await host.Connection.InvokeAsync<string?>("SetAnnouncementOnly", session.Id, true));
        Assert.True((await ChatTestClient.NextAsync(mo.States)).AnnouncementOnly);
        Assert.Equal("Announcement mode: only the host is writing right now.", (await mo.SendAsync(session.RoomId, "may I?")).Error);
        var announcement = await host.SendAsync(session.RoomId, "Let's take two slow breaths together.");
        Assert.Equal(ChatSendStatus.Sent, announcement.Status);

        // Pin: everyone sees the pinned message.
        Assert.Null(await host.Connection.InvokeAsync<string?>("Pin", session.Id, announcement.Message!.Id));
        Assert.Equal("Let's take two slow breaths together.", (await ChatTestClient.NextAsync(mo.States)).Pinned!.Text);

        // Remove: out of the room at once, told why, and not let back in.
        Assert.Null(await host.Connection.InvokeAsync<string?>("RemoveMember", session.Id, member.Id, "Please take a break today."));
        Assert.Contains("Please take a break today.", await ChatTestClient.NextAsync(mo.Closed), StringComparison.Ordinal);
        var again = await mo.JoinAsync(session.RoomId);
        Assert.False(again.Ok);
        Assert.Contains("The host removed you", again.Error, StringComparison.Ordinal);

        // End: everyone's room closes.
        Assert.Null(await host.Connection.InvokeAsync<string?>("EndSession", session.Id));
        Assert.Contains("The session has ended", await ChatTestClient.NextAsync(host.Closed), StringComparison.Ordinal);
        Assert.Equal(LiveSessionStatus.Ended, await _app.WithDbAsync(db => db.LiveSessions.Select(s => s.Status).SingleAsync()));

        var actions = await _app.WithDbAsync(db => db.ModerationActions.Where(a => a.Action.StartsWith("session.")).OrderBy(a => a.Sequence).Select(a => a.Action).ToListAsync());
        Assert.Equal(["session.schedule", "session.open", "session.mute", "session.unmute", "session.slow-mode", "session.announcement-on", "session.pin", "session.remove", "session.end"], actions);
    }

    [Fact]
    public async Task When_the_host_and_a_moderator_change_settings_at_the_same_moment_everyone_ends_up_with_both_changes()
    {
        var group = await _app.CreateGroupAsync();
        var (_, coach, coachCookie) = await _app.CoachAsync(group);
        var session = await _app.ScheduleSoonAsync(coach, group);
        var moderator = await _app.CreateUserAsync(displayName: "Moderator Max");
        await _app.AddMemberAsync(group, moderator, GroupRole.Moderator);
        var member = await _app.CreateUserAsync(displayName: "Member Mo");
        await _app.AddMemberAsync(group, member);
        await using var host = await ChatTestClient.ConnectAsync(_app, coachCookie);
        Assert.Null(await host.Connection.InvokeAsync<string?>("OpenSession", session.Id));
        await using var max = await ChatTestClient.ConnectAsync(_app, (await _app.SignInAsync(moderator)).Cookie);
        await using var mo = await ChatTestClient.ConnectAsync(_app, (await _app.SignInAsync(member)).Cookie);
        var joined = await mo.JoinAsync(session.RoomId);
        Assert.True(joined.Ok);
        var openedAt = joined.Session!.Version;

        // Each of two changes made at once sends the room the state it read afterwards, and the two
        // can arrive in either order. The state a page keeps (the highest version) must hold both.
        const int rounds = 8;
        for (var round = 1; round <= rounds; round++)
        {
            var (slow, announcement) = (round * 5, round % 2 == 1);
            var answers = await Task.WhenAll(
                host.Connection.InvokeAsync<string?>("SetSlowMode", session.Id, slow),
                max.Connection.InvokeAsync<string?>("SetAnnouncementOnly", session.Id, announcement));
            Assert.All(answers, Assert.Null);
            await ChatTestClient.NextAsync(mo.States);
            await ChatTestClient.NextAsync(mo.States);
            var shown = mo.NewestState!;
            Assert.Equal((slow, announcement), (shown.SlowModeSeconds, shown.AnnouncementOnly));
            Assert.Equal(openedAt + (2 * round), shown.Version);
        }

        // And someone arriving now is given the same state, with the same version.
        var newcomer = await _app.CreateUserAsync(displayName: "Newcomer Nell");
        await _app.AddMemberAsync(group, newcomer);
        await using var late = await ChatTestClient.ConnectAsync(_app, (await _app.SignInAsync(newcomer)).Cookie);
        var arrival = (await late.JoinAsync(session.RoomId)).Session!;
        Assert.Equal((rounds * 5, rounds % 2 == 1, openedAt + (2 * rounds)), (arrival.SlowModeSeconds, arrival.AnnouncementOnly, arrival.Version));
    }

    [Fact]
    public async Task A_late_joiner_sees_only_what_was_said_after_they_came_in_unless_the_host_turns_privacy_off()
    {
        var (group, coach, session, hostInRoom) = await OpenSessionAsync();
        await using var host = hostInRoom;
        var (_, early, _) = await _app.ChatMemberAsync(group, session.RoomId, name: "Early Eve");
        await using var e = early;
        await e.SendAsync(session.RoomId, "something I shared early on");
        _app.Clock.Advance(TimeSpan.FromSeconds(1));

        var (_, late, _) = await _app.ChatMemberAsync(group, session.RoomId, name: "Late Leo");
        await using var l = late;
        var joined = await l.JoinAsync(session.RoomId);
        Assert.DoesNotContain("something I shared early on", joined.Messages.Select(m => m.Text));
        Assert.Empty((await l.Connection.InvokeAsync<ChatHistory>("Older", session.RoomId, joined.LastSequence + 1)).Messages);
        await e.SendAsync(session.RoomId, "said after Leo arrived");
        Assert.Equal("said after Leo arrived", (await ChatTestClient.NextAsync(l.Messages)).Text);
        // The host sees everything.
        Assert.Contains("something I shared early on", (await host.JoinAsync(session.RoomId)).Messages.Select(m => m.Text));

        Assert.Null(await host.Connection.InvokeAsync<string?>("SetLateJoinerPrivacy", session.Id, false));
        Assert.Contains("something I shared early on", (await l.JoinAsync(session.RoomId)).Messages.Select(m => m.Text));
    }

    [Fact]
    public async Task A_late_joiner_cannot_read_what_was_said_before_through_a_message_link_or_the_flag_form()
    {
        var group = await _app.CreateGroupAsync();
        var (_, coach, coachCookie) = await _app.CoachAsync(group);
        var session = await _app.ScheduleSoonAsync(coach, group);
        await using var host = await ChatTestClient.ConnectAsync(_app, coachCookie);
        await host.Connection.InvokeAsync<string?>("OpenSession", session.Id);
        var (_, early, _) = await _app.ChatMemberAsync(group, session.RoomId, name: "Early Eve");
        await using var e = early;
        var before = (await e.SendAsync(session.RoomId, "something I shared early on")).Message!;
        _app.Clock.Advance(TimeSpan.FromSeconds(1));
        var (leo, late, _) = await _app.ChatMemberAsync(group, session.RoomId, name: "Late Leo");
        await using var l = late;
        var after = (await e.SendAsync(session.RoomId, "said after Leo arrived")).Message!;
        var browser = await _app.SignedInBrowserAsync(leo);

        // Message ids are sequential: guessing one must not open what the room keeps from a late joiner.
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/chat/messages/{before.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/flag/chat-message/{before.Id}")).StatusCode);
        var around = (await browser.GetPageAsync($"/chat/messages/{after.Id}")).QuerySelector("main")!.TextContent;
        Assert.Contains("said after Leo arrived", around, StringComparison.Ordinal);
        Assert.DoesNotContain("something I shared early on", around, StringComparison.Ordinal);
        Assert.Contains("said after Leo arrived", (await browser.GetPageAsync($"/flag/chat-message/{after.Id}")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        // The host sees the whole conversation.
        Assert.Contains("something I shared early on", (await coach.GetPageAsync($"/chat/messages/{after.Id}")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_held_message_published_later_does_not_reach_those_who_came_in_after_it_was_written()
    {
        var (group, coach, session, hostInRoom) = await OpenSessionAsync();
        await using var host = hostInRoom;
        var (_, early, _) = await _app.ChatMemberAsync(group, session.RoomId, name: "Early Eve");
        await using var e = early;
        var held = await e.SendAsync(session.RoomId, "I've been stockpiling my clonazepam for when I decide to go.");
        Assert.Equal(ChatSendStatus.Held, held.Status);
        _app.Clock.Advance(TimeSpan.FromSeconds(1));
        var (_, late, _) = await _app.ChatMemberAsync(group, session.RoomId, name: "Late Leo");
        await using var l = late;

        var moderator = await _app.SiteModeratorAsync();
        await moderator.DecideAsync((await _app.OnlyItemAsync()).Id, "Disagree", reason: "Talking about it is how people get help; support offered.");

        Assert.True(await ChatTestClient.StaysEmptyAsync(l.Messages, 1000));
        Assert.DoesNotContain(held.MessageId!.Value, (await l.JoinAsync(session.RoomId)).Messages.Select(m => m.Id));
        // Those who were there find it when they catch up.
        Assert.Contains(held.MessageId.Value, (await host.JoinAsync(session.RoomId)).Messages.Select(m => m.Id));
    }

    [Fact]
    public async Task After_the_session_attendees_read_the_transcript_until_it_expires_and_keep_their_attendance_record()
    {
        var group = await _app.CreateGroupAsync();
        var (_, coach, coachCookie) = await _app.CoachAsync(group);
        var session = await _app.ScheduleSoonAsync(coach, group);
        await using var host = await ChatTestClient.ConnectAsync(_app, coachCookie);
        await host.Connection.InvokeAsync<string?>("OpenSession", session.Id);
        var (attendee, attendeeChat, attendeeCookie) = await _app.ChatMemberAsync(group, session.RoomId, name: "Present Pat");
        await using (attendeeChat)
        {
            await attendeeChat.SendAsync(session.RoomId, "Thank you all, this helped.");
        }
        var absent = await _app.CreateUserAsync();
        await _app.AddMemberAsync(group, absent);
        Assert.Null(await host.Connection.InvokeAsync<string?>("EndSession", session.Id));
        var attendeeBrowser = _app.CreateBrowser();
        attendeeBrowser.DefaultRequestHeaders.Add("Cookie", attendeeCookie);

        var page = await attendeeBrowser.GetPageAsync($"/sessions/{session.Id}");
        Assert.Contains("Thank you all, this helped.", page.TextOf("ol.chat-messages"), StringComparison.Ordinal);
        Assert.Null((await (await _app.SignedInBrowserAsync(absent)).GetPageAsync($"/sessions/{session.Id}")).QuerySelector("ol.chat-messages"));
        var record = await attendeeBrowser.GetPageAsync("/sessions/attended");
        Assert.Contains("Evening check-in", record.TextOf("table"), StringComparison.Ordinal);

        _app.Clock.Advance(TimeSpan.FromDays(31));
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<SessionService>().DeleteExpiredTranscriptsAsync());
        }
        Assert.Equal(0, await _app.WithDbAsync(db => db.ChatMessages.CountAsync(m => m.RoomId == session.RoomId)));
        // A month on, the sign-in has expired too: sign in again.
        attendeeBrowser = await _app.SignedInBrowserAsync(attendee);
        Assert.Null((await attendeeBrowser.GetPageAsync($"/sessions/{session.Id}")).QuerySelector("ol.chat-messages"));
        Assert.Contains("Evening check-in", (await attendeeBrowser.GetPageAsync("/sessions/attended")).TextOf("table"), StringComparison.Ordinal);
    }
}
