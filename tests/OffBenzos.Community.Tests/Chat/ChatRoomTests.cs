using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OffBenzos.Community.Tests.Infrastructure;
using OffBenzos.Community.Web.Chat;
using OffBenzos.Community.Web.Forum;
using OffBenzos.Community.Web.Groups;
using OffBenzos.Community.Web.Moderation;

namespace OffBenzos.Community.Tests.Chat;

/// <summary>A group's chat room through the real SignalR client against the real app and database.</summary>
public sealed class ChatRoomTests : IDisposable
{
    private readonly CommunityApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_message_is_stored_then_reaches_everyone_in_the_room_and_the_sender_gets_its_id_and_sequence()
    {
        var group = await _app.CreateGroupAsync();
        var room = await _app.RoomOfAsync(group);
        var (alice, aliceChat, _) = await _app.ChatMemberAsync(group, room, name: "Alice");
        var (_, bobChat, _) = await _app.ChatMemberAsync(group, room, name: "Bobby");
        await using var a = aliceChat;
        await using var b = bobChat;

        var clientId = Guid.NewGuid();
        var result = await a.SendAsync(room, "Day 12 of my hold.\nSleep is a little better.", clientId);

        Assert.Equal(ChatSendStatus.Sent, result.Status);
        var heard = await ChatTestClient.NextAsync(b.Messages);
        Assert.Equal((result.Message!.Id, 1L, "Alice", "Day 12 of my hold.\nSleep is a little better.", clientId),
            (heard.Id, heard.Sequence, heard.AuthorName, heard.Text, heard.ClientId));
        var stored = await _app.WithDbAsync(db => db.ChatMessages.SingleAsync());
        Assert.Equal((alice.Id, 1L, ContentState.Visible), (stored.AuthorId, stored.Sequence, stored.State));
        Assert.Equal(1L, (await ChatTestClient.NextAsync(a.Messages)).Sequence);
    }

    [Fact]
    public async Task Entering_shows_the_last_fifty_messages_and_older_ones_load_by_scrolling_back()
    {
        var group = await _app.CreateGroupAsync();
        var room = await _app.RoomOfAsync(group);
        var (_, writer, _) = await _app.ChatMemberAsync(group, room);
        await using var w = writer;
        for (var n = 1; n <= 60; n++)
        {
            Assert.Equal(ChatSendStatus.Sent, (await w.SendAsync(room, $"message {n}")).Status);
        }

        var (_, reader, _) = await _app.ChatMemberAsync(group, room);
        await using var r = reader;
        var joined = await r.JoinAsync(room);
        Assert.Equal(50, joined.Messages.Count);
        Assert.Equal(("message 11", "message 60", 60L, true), (joined.Messages[0].Text, joined.Messages[^1].Text, joined.LastSequence, joined.HasOlder));

        var older = await r.Connection.InvokeAsync<ChatHistory>("Older", room, joined.Messages[0].Sequence);
        Assert.Equal(Enumerable.Range(1, 10).Select(n => $"message {n}"), older.Messages.Select(m => m.Text));
        Assert.False(older.HasOlder);
    }

    [Fact]
    public async Task The_same_message_sent_ten_times_at_once_is_stored_once_and_broadcast_once()
    {
        var group = await _app.CreateGroupAsync();
        var room = await _app.RoomOfAsync(group);
        var (_, sender, cookie) = await _app.ChatMemberAsync(group, room);
        var (_, listener, _) = await _app.ChatMemberAsync(group, room);
        await using var s = sender;
        await using var l = listener;
        // Ten connections of the same member (tabs, a flaky phone), all retrying the same message together.
        var connections = new List<ChatTestClient> { s };
        for (var i = 1; i < 10; i++)
        {
            connections.Add(await ChatTestClient.ConnectAsync(_app, cookie));
        }
        var clientId = Guid.NewGuid();

        var results = await Task.WhenAll(connections.Select(c => c.SendAsync(room, "Is anyone else awake?", clientId)));

        Assert.All(results, r => Assert.Equal(ChatSendStatus.Sent, r.Status));
        Assert.Single(results.Select(r => (r.Message!.Id, r.Message.Sequence)).Distinct());
        Assert.Equal(1, await _app.WithDbAsync(db => db.ChatMessages.CountAsync()));
        Assert.Equal("Is anyone else awake?", (await ChatTestClient.NextAsync(l.Messages)).Text);
        Assert.True(await ChatTestClient.StaysEmptyAsync(l.Messages, 1000));
        foreach (var extra in connections.Skip(1))
        {
            await extra.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_returning_client_gets_everything_said_while_it_was_away_once_and_in_order()
    {
        var group = await _app.CreateGroupAsync();
        var room = await _app.RoomOfAsync(group);
        var (_, alice, _) = await _app.ChatMemberAsync(group, room);
        var (_, bob, bobCookie) = await _app.ChatMemberAsync(group, room);
        var (moderatorUser, moderator, _) = await _app.ChatMemberAsync(group, room, GroupRole.Moderator);
        await using var a = alice;
        await using var m = moderator;
        Assert.Equal(ChatSendStatus.Sent, (await a.SendAsync(room, "before")).Status);
        var lastSeen = (await ChatTestClient.NextAsync(bob.Messages)).Sequence;
        var early = await a.SendAsync(room, "about to be removed");
        await ChatTestClient.NextAsync(bob.Messages);
        lastSeen = Math.Max(lastSeen, early.Message!.Sequence);

        // Bob's connection drops; the room goes on without him.
        await bob.DisposeAsync();
        Assert.Null(await m.Connection.InvokeAsync<string?>("Remove", early.Message.Id, "Off topic"));
        var missed = new List<string>();
        for (var n = 1; n <= 3; n++)
        {
            missed.Add($"while Bob was away {n}");
            Assert.Equal(ChatSendStatus.Sent, (await a.SendAsync(room, missed[^1])).Status);
        }

        await using var back = await ChatTestClient.ConnectAsync(_app, bobCookie);
        var caughtUp = await back.JoinAsync(room, lastSeen);
        Assert.Equal(missed, caughtUp.Messages.Select(x => x.Text));
        Assert.Equal(caughtUp.Messages.Select(x => x.Sequence).Order(), caughtUp.Messages.Select(x => x.Sequence));
        Assert.All(caughtUp.Messages, x => Assert.True(x.Sequence > lastSeen));
        Assert.Contains(early.Message.Id, caughtUp.Removed);
        Assert.Equal(caughtUp.Messages[^1].Sequence, caughtUp.LastSequence);
        _ = moderatorUser;
    }

    [Fact]
    public async Task Only_members_enter_and_write_and_a_member_who_leaves_is_taken_out_of_the_room_at_once()
    {
        var group = await _app.CreateGroupAsync();
        var room = await _app.RoomOfAsync(group);
        var outsider = await _app.CreateUserAsync();
        var (_, outsiderCookie) = await _app.SignInAsync(outsider);
        await using var stranger = await ChatTestClient.ConnectAsync(_app, outsiderCookie);
        Assert.False((await stranger.JoinAsync(room)).Ok);
        Assert.Equal(ChatSendStatus.Refused, (await stranger.SendAsync(room, "let me in")).Status);
        Assert.Equal(0, await _app.WithDbAsync(db => db.ChatMessages.CountAsync()));

        var (_, speaker, _) = await _app.ChatMemberAsync(group, room);
        var (leaver, leaverChat, leaverCookie) = await _app.ChatMemberAsync(group, room);
        await using var s = speaker;
        await using var l = leaverChat;
        var browser = _app.CreateBrowser();
        browser.DefaultRequestHeaders.Add("Cookie", leaverCookie);
        await browser.SubmitFormAsync($"/groups/{group.Slug}", new(), "form[action$='handler=Leave']");

        Assert.Contains("no longer in its chat", await ChatTestClient.NextAsync(l.Closed), StringComparison.Ordinal);
        Assert.Equal(ChatSendStatus.Sent, (await s.SendAsync(room, "said after they left")).Status);
        Assert.True(await ChatTestClient.StaysEmptyAsync(l.Messages));
        var refused = await l.SendAsync(room, "can I still talk?");
        Assert.Equal(ChatSendStatus.Refused, refused.Status);
        Assert.False(await _app.WithDbAsync(db => db.ChatMessages.AnyAsync(m => m.AuthorId == leaver.Id)));
    }

    [Fact]
    public async Task A_silenced_member_is_told_why_they_cannot_write_and_a_suspended_one_is_disconnected()
    {
        var group = await _app.CreateGroupAsync();
        var room = await _app.RoomOfAsync(group);
        var (quiet, quietChat, _) = await _app.ChatMemberAsync(group, room);
        var (gone, goneChat, _) = await _app.ChatMemberAsync(group, room);
        await using var q = quietChat;
        await using var g = goneChat;
        var staff = await _app.CreateUserAsync(roles: OffBenzos.Community.Web.Authorization.SiteRoles.Moderator);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var sanctions = scope.ServiceProvider.GetRequiredService<SanctionService>();
            Assert.Null(await sanctions.ApplyAsync(staff.Id, quiet.Id, SanctionKind.Silence, TimeSpan.FromDays(1), "Repeated pile-ons."));
            Assert.Null(await sanctions.ApplyAsync(staff.Id, gone.Id, SanctionKind.Suspension, TimeSpan.FromDays(7), "Selling pills."));
        }

        var silenced = await q.SendAsync(room, "hello?");
        Assert.Equal(ChatSendStatus.Refused, silenced.Status);
        Assert.Contains("Repeated pile-ons.", silenced.Error, StringComparison.Ordinal);
        Assert.False((await q.JoinAsync(room)).CanSend);

        Assert.Equal("session ended", await ChatTestClient.NextAsync(g.Closed));
        await Assert.ThrowsAnyAsync<Exception>(() => g.SendAsync(room, "still here"));
        // This client ignores the notice (a page closes itself on it): the server ends the connection.
        await g.Disconnected;
        Assert.Equal(0, await _app.WithDbAsync(db => db.ChatMessages.CountAsync()));
    }

    [Fact]
    public async Task Oversized_empty_and_hostile_messages_are_refused_with_a_reason_and_nothing_is_stored()
    {
        var group = await _app.CreateGroupAsync();
        var room = await _app.RoomOfAsync(group);
        var (_, member, _) = await _app.ChatMemberAsync(group, room);
        await using var m = member;

        var tooLong = await m.SendAsync(room, new string('a', ChatOptions.MessageMax + 1));
        Assert.Equal(ChatSendStatus.Refused, tooLong.Status);
        Assert.Contains("2,000 characters", tooLong.Error, StringComparison.Ordinal);
        Assert.Equal(ChatSendStatus.Refused, (await m.SendAsync(room, "   \n  ")).Status);
        Assert.Equal(ChatSendStatus.Refused, (await m.SendAsync(room, "no id", Guid.Empty)).Status);
        Assert.Equal(0, await _app.WithDbAsync(db => db.ChatMessages.CountAsync()));

        // Markup is kept as the text it is; the page shows it as text.
        var markup = await m.SendAsync(room, "<script>alert(1)</script> <b>bold</b>");
        Assert.Equal("<script>alert(1)</script> <b>bold</b>", markup.Message!.Text);

        // A frame far past any message is refused by SignalR itself, and the connection closes.
        await Assert.ThrowsAnyAsync<Exception>(() => m.SendAsync(room, new string('x', 40_000)));
        Assert.Equal(1, await _app.WithDbAsync(db => db.ChatMessages.CountAsync()));
    }

    [Fact]
    public async Task Pages_of_other_sites_cannot_open_the_hubs()
    {
        var member = await _app.CreateUserAsync();
        var (_, cookie) = await _app.SignInAsync(member);
        await using var evil = _app.ConnectHub(cookie, "/hubs/chat", origin: "https://evil.example");
        var refused = await Assert.ThrowsAnyAsync<HttpRequestException>(() => evil.StartAsync());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        await using var forum = _app.ConnectHub(cookie, "/hubs/forum", origin: "https://evil.example");
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => forum.StartAsync());

        await using var own = _app.ConnectHub(cookie, "/hubs/chat", origin: "https://localhost");
        await own.StartAsync();
        var anonymous = _app.ConnectHub("", "/hubs/chat");
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => anonymous.StartAsync());
    }

    [Fact]
    public async Task Presence_shows_who_is_here_and_forgets_connections_that_are_gone_and_each_change_raises_its_version()
    {
        var group = await _app.CreateGroupAsync();
        var room = await _app.RoomOfAsync(group);
        var (_, alice, _) = await _app.ChatMemberAsync(group, room, name: "Alice");
        await using var a = alice;
        var (bob, bobChat, _) = await _app.ChatMemberAsync(group, room, GroupRole.Coach, name: "Coach Bob");

        var both = await a.PresenceWhereAsync(p => p.Count == 2);
        Assert.Equal([("Alice", (string?)null), ("Coach Bob", "coach")], both.Select(p => (p.Name, p.Role)));
        var withBob = a.NewestPresence!.Version;
        await bobChat.DisposeAsync();
        Assert.Equal(["Alice"], (await a.PresenceWhereAsync(p => p.Count == 1)).Select(p => p.Name));
        var afterBob = a.NewestPresence!.Version;
        Assert.True(afterBob > withBob, $"Bob leaving raises the version ({withBob} then {afterBob}).");

        // A row left by an instance that crashed (nothing refreshes it) ages out.
        await _app.WithDbAsync(db =>
        {
            db.ChatPresences.Add(new ChatPresence { ConnectionId = "lost", RoomId = room, UserId = bob.Id, InstanceId = "crashed", JoinedAt = _app.Clock.GetUtcNow(), SeenAt = _app.Clock.GetUtcNow() });
            return db.SaveChangesAsync();
        });
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            Assert.Equal(2, (await scope.ServiceProvider.GetRequiredService<ChatPresenceStore>().InRoomAsync(room)).People.Count);
        }
        _app.Clock.Advance(TimeSpan.FromMinutes(2));
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var presence = scope.ServiceProvider.GetRequiredService<ChatPresenceStore>();
            Assert.Contains(room, await presence.RefreshAsync());
            var afterCrash = await presence.InRoomAsync(room);
            Assert.Equal(["Alice"], afterCrash.People.Select(p => p.Name));
            Assert.True(afterCrash.Version > afterBob, "Clearing the crashed instance's row raises the version too.");
        }
    }

    [Fact]
    public async Task Typing_reaches_the_others_at_most_every_two_seconds()
    {
        var group = await _app.CreateGroupAsync();
        var room = await _app.RoomOfAsync(group);
        var (_, alice, _) = await _app.ChatMemberAsync(group, room, name: "Alice");
        var (_, bob, _) = await _app.ChatMemberAsync(group, room, name: "Bobby");
        await using var a = alice;
        await using var b = bob;

        await a.Connection.InvokeAsync("Typing", room);
        await a.Connection.InvokeAsync("Typing", room);
        Assert.Equal("Alice", await ChatTestClient.NextAsync(b.Typing));
        Assert.True(await ChatTestClient.StaysEmptyAsync(b.Typing));
        Assert.True(await ChatTestClient.StaysEmptyAsync(a.Typing, 0));
        _app.Clock.Advance(TimeSpan.FromSeconds(3));
        await a.Connection.InvokeAsync("Typing", room);
        Assert.Equal("Alice", await ChatTestClient.NextAsync(b.Typing));
    }

    [Fact]
    public async Task Sending_fast_is_paused_with_a_retry_time_and_nothing_beyond_the_limit_is_stored()
    {
        using var app = new CommunityApp();
        app.Settings["Chat:MessagesPerMinute"] = "6";
        app.Settings["Chat:SendBurst"] = "3";
        var group = await app.CreateGroupAsync();
        var room = await app.RoomOfAsync(group);
        var (_, member, _) = await app.ChatMemberAsync(group, room);
        await using var m = member;

        for (var n = 1; n <= 3; n++)
        {
            Assert.Equal(ChatSendStatus.Sent, (await m.SendAsync(room, $"quick {n}")).Status);
        }
        var paused = await m.SendAsync(room, "one too many");
        Assert.Equal(ChatSendStatus.Retry, paused.Status);
        Assert.InRange(paused.RetryAfterSeconds!.Value, 1, 10);
        Assert.Equal(3, await app.WithDbAsync(db => db.ChatMessages.CountAsync()));
    }

    [Fact]
    public async Task Entering_and_leaving_rooms_in_a_loop_is_paused_for_that_member_only()
    {
        using var app = new CommunityApp();
        app.Settings["Chat:RoomActionsPerMinute"] = "6";
        app.Settings["Chat:RoomActionBurst"] = "4";
        var group = await app.CreateGroupAsync();
        var room = await app.RoomOfAsync(group);
        // The fixture's own entry is the first of the four.
        var (memberUser, member, _) = await app.ChatMemberAsync(group, room);
        await using var m = member;
        var (_, neighbour, _) = await app.ChatMemberAsync(group, room, name: "Patient Neighbour");
        await using var n = neighbour;

        await m.Connection.InvokeAsync("Leave", room);
        Assert.True((await m.JoinAsync(room)).Ok);
        await m.Connection.InvokeAsync("Leave", room);
        var paused = await m.JoinAsync(room);

        Assert.False(paused.Ok);
        Assert.Contains("wait a minute", paused.Error, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.ChatPresences.AnyAsync(p => p.RoomId == room && p.UserId == memberUser.Id)));
        // The neighbour is not slowed, and still hears the room.
        Assert.True((await n.JoinAsync(room)).Ok);
    }

    [Fact]
    public async Task A_member_can_hold_only_so_many_chat_connections_at_once()
    {
        using var app = new CommunityApp();
        app.Settings["Chat:ConnectionsPerMember"] = "2";
        var group = await app.CreateGroupAsync();
        var room = await app.RoomOfAsync(group);
        var (_, first, cookie) = await app.ChatMemberAsync(group, room);
        await using var f = first;
        await using var second = await ChatTestClient.ConnectAsync(app, cookie);
        Assert.True((await second.JoinAsync(room)).Ok);

        var closed = new TaskCompletionSource();
        await using var third = new ChatTestClient(app.ConnectHub(cookie, "/hubs/chat"));
        third.Connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        try
        {
            await third.Connection.StartAsync();
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or HttpRequestException)
        {
            closed.TrySetResult();
        }
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(15));
        await Assert.ThrowsAnyAsync<Exception>(() => third.JoinAsync(room));

        // Closing one frees a place.
        await second.DisposeAsync();
        await using var again = await ChatTestClient.ConnectAsync(app, cookie);
        Assert.True((await again.JoinAsync(room)).Ok);
    }

    [Fact]
    public async Task Moderators_and_coaches_remove_messages_for_everyone_live_audited_and_the_author_told_why()
    {
        var group = await _app.CreateGroupAsync();
        var room = await _app.RoomOfAsync(group);
        var (author, authorChat, _) = await _app.ChatMemberAsync(group, room);
        var (_, memberChat, _) = await _app.ChatMemberAsync(group, room);
        var (coach, coachChat, _) = await _app.ChatMemberAsync(group, room, GroupRole.Coach);
        await using var a = authorChat;
        await using var m = memberChat;
        await using var c = coachChat;
        var sent = await a.SendAsync(room, "Buy cheap pills here");

        Assert.Equal("Only moderators and the group's coaches can remove messages.", await m.Connection.InvokeAsync<string?>("Remove", sent.Message!.Id, "no"));
        Assert.Equal("Please give a short reason: the author will see it.", await c.Connection.InvokeAsync<string?>("Remove", sent.Message.Id, " "));
        Assert.Null(await c.Connection.InvokeAsync<string?>("Remove", sent.Message.Id, "Selling is not allowed."));

        Assert.Equal(sent.Message.Id, await ChatTestClient.NextAsync(m.Removed));
        Assert.Equal(sent.Message.Id, await ChatTestClient.NextAsync(a.Removed));
        var audit = await _app.WithDbAsync(db => db.ModerationActions.SingleAsync(x => x.Action == "chat.remove"));
        Assert.Equal((coach.Id, ModerationTargets.ChatMessage, "Selling is not allowed."), (audit.ActorId, audit.TargetType, audit.Reason));
        Assert.Contains("Buy cheap pills here", audit.ContentBefore, StringComparison.Ordinal);
        var notice = await _app.WithDbAsync(db => db.Notifications.SingleAsync(n => n.UserId == author.Id));
        Assert.Contains("Selling is not allowed.", notice.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Buy cheap pills", (await m.JoinAsync(room)).Messages.Select(x => x.Text));
    }

    [Fact]
    public async Task A_flagged_message_reaches_the_queue_and_a_moderator_hiding_it_removes_it_from_every_screen()
    {
        var group = await _app.CreateGroupAsync();
        var room = await _app.RoomOfAsync(group);
        var (author, authorChat, _) = await _app.ChatMemberAsync(group, room);
        var (flagger, flaggerChat, flaggerCookie) = await _app.ChatMemberAsync(group, room);
        await using var a = authorChat;
        await using var f = flaggerChat;
        var sent = await a.SendAsync(room, "You are all weak for tapering.");
        var browser = _app.CreateBrowser();
        browser.DefaultRequestHeaders.Add("Cookie", flaggerCookie);

        var flagged = await browser.FlagAsync(ModerationTargets.ChatMessage, sent.Message!.Id, "Harassment");
        Assert.Contains("Thank you", flagged.Body!.TextContent, StringComparison.Ordinal);
        var item = await _app.OnlyItemAsync();
        Assert.Equal((ModerationTargets.ChatMessage, author.Id, group.Id), (item.TargetType, item.AuthorId, item.GroupId));

        var moderator = await _app.SiteModeratorAsync();
        var page = await moderator.GetPageAsync($"/moderation/items/{item.Id}");
        Assert.Contains("You are all weak for tapering.", page.Body!.TextContent, StringComparison.Ordinal);
        await moderator.DecideAsync(item.Id, "Agree", "Hidden", "Unkind to members.");

        Assert.Equal(sent.Message.Id, await ChatTestClient.NextAsync(f.Removed));
        Assert.Equal(ContentState.Hidden, await _app.WithDbAsync(db => db.ChatMessages.Select(m => m.State).SingleAsync()));
        Assert.Empty((await f.JoinAsync(room)).Messages);
        // The message's own page: for members of the room, and only while it is visible.
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/chat/messages/{sent.Message.Id}")).StatusCode);
        _ = flagger;
    }

    [Fact]
    public async Task The_chat_page_is_for_members_and_moderators()
    {
        var group = await _app.CreateGroupAsync();
        var member = await _app.CreateUserAsync();
        await _app.AddMemberAsync(group, member);
        var outsider = await _app.CreateUserAsync();

        var page = await (await _app.SignedInBrowserAsync(member)).GetPageAsync($"/groups/{group.Slug}/chat");
        Assert.NotNull(page.QuerySelector("[data-chat][data-room-id]"));
        Assert.NotNull(page.QuerySelector("textarea#chat-text[maxlength='2000']"));
        Assert.Equal("polite", page.QuerySelector("[data-chat-announcer]")!.GetAttribute("aria-live"));

        var refused = await (await _app.SignedInBrowserAsync(outsider)).GetAsync($"/groups/{group.Slug}/chat");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Join this group", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var anonymous = await _app.CreateBrowser().GetAsync($"/groups/{group.Slug}/chat");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/Identity/Account/Login", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
