using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Tests.Infrastructure;
using OffBenzos.Community.Web.Chat;
using OffBenzos.Community.Web.Forum;
using OffBenzos.Community.Web.Moderation;

namespace OffBenzos.Community.Tests.Crisis;

/// <summary>Crisis words in chat: the inline support card before sending, the crisis lane and a live alert after, method detail held.</summary>
public sealed class ChatCrisisTests : IDisposable
{
    private readonly CommunityApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_message_suggesting_suicide_risk_shows_the_members_own_lines_first_then_sends_into_the_crisis_lane_with_a_live_alert()
    {
        var group = await _app.CreateGroupAsync();
        var room = await _app.RoomOfAsync(group);
        var (_, member, _) = await _app.ChatMemberAsync(group, room, name: "Tired Tamsin", country: "GB");
        var (_, listener, _) = await _app.ChatMemberAsync(group, room);
        await using var m = member;
        await using var l = listener;
        var moderatorUser = await _app.CreateUserAsync(roles: OffBenzos.Community.Web.Authorization.SiteRoles.Moderator);
        var (moderator, moderatorCookie) = await _app.SignInWithTwoFactorAsync(moderatorUser, await _app.EnableTwoFactorAsync(moderatorUser));
        var alerts = Channel.CreateUnbounded<(long, string)>();
        await using var queue = _app.ConnectHub(moderatorCookie);
        queue.On<long, string>("CrisisAlert", (id, lane) => alerts.Writer.TryWrite((id, lane)));
        await queue.StartAsync();
        Assert.True(await queue.InvokeAsync<bool>("WatchQueue"));
        var clientId = Guid.NewGuid();
        const string text = "Everyone would be better off without me. I don't want to wake up tomorrow.";

        var check = await m.SendAsync(room, text, clientId);

        Assert.Equal(ChatSendStatus.Check, check.Status);
        Assert.True(check.Crisis!.Risk);
        Assert.Contains(check.Crisis.Lines, line => line.Name.Contains("Samaritans", StringComparison.Ordinal) && line.Tel == "tel:116123");
        Assert.Equal("tel:999", check.Crisis.EmergencyTel);
        Assert.Equal(0, await _app.WithDbAsync(db => db.ChatMessages.CountAsync()));
        Assert.True(await ChatTestClient.StaysEmptyAsync(l.Messages));

        var sent = await m.SendAsync(room, text, clientId, crisisAcknowledged: true);

        Assert.Equal(ChatSendStatus.Sent, sent.Status);
        Assert.Equal(text, (await ChatTestClient.NextAsync(l.Messages)).Text);
        var item = await _app.OnlyItemAsync();
        Assert.Equal((ReviewLane.Crisis, ModerationTargets.ChatMessage, false), (item.Lane, item.TargetType, item.HeldForApproval));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        Assert.Equal((item.Id, "Crisis"), await alerts.Reader.ReadAsync(timeout.Token));
        // The review page shows the message and offers the safe-messaging guide.
        var page = await moderator.GetPageAsync($"/moderation/items/{item.Id}");
        Assert.Contains(text, page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Samaritans", page.QuerySelector("form.support-form textarea")!.TextContent, StringComparison.Ordinal);

        // The ready supportive reply, with the member's own lines, goes into the room as the moderator.
        await moderator.SubmitFormAsync(page, new() { ["reply"] = page.QuerySelector("form.support-form textarea")!.TextContent }, "form.support-form");
        var reply = await ChatTestClient.NextAsync(l.Messages);
        Assert.Equal(moderatorUser.DisplayName, reply.AuthorName);
        Assert.Contains("Samaritans", reply.Text, StringComparison.Ordinal);
        Assert.True(await _app.WithDbAsync(db => db.ModerationActions.AnyAsync(a => a.Action == "review.reply" && a.TargetType == ModerationTargets.ChatMessage)));
    }

    [Fact]
    public async Task A_medical_emergency_in_chat_says_to_get_urgent_help_and_goes_to_the_medical_lane()
    {
        var group = await _app.CreateGroupAsync();
        var room = await _app.RoomOfAsync(group);
        var (_, member, _) = await _app.ChatMemberAsync(group, room, country: "US");
        await using var m = member;
        var clientId = Guid.NewGuid();

        var check = await m.SendAsync(room, "I think I just had a seizure.", clientId);

        Assert.Equal((ChatSendStatus.Check, true, false), (check.Status, check.Crisis!.Medical, check.Crisis.Risk));
        Assert.Equal("tel:911", check.Crisis.EmergencyTel);
        Assert.Equal(ChatSendStatus.Sent, (await m.SendAsync(room, "I think I just had a seizure.", clientId, crisisAcknowledged: true)).Status);
        Assert.Equal(ReviewLane.Medical, (await _app.OnlyItemAsync()).Lane);
    }

    [Fact]
    public async Task Method_detail_is_held_with_a_kind_explanation_and_published_only_if_a_moderator_finds_it_safe()
    {
        var group = await _app.CreateGroupAsync();
        var room = await _app.RoomOfAsync(group);
        var (_, member, _) = await _app.ChatMemberAsync(group, room);
        var (_, listener, _) = await _app.ChatMemberAsync(group, room);
        await using var m = member;
        await using var l = listener;
        Assert.Equal(ChatSendStatus.Sent, (await m.SendAsync(room, "first")).Status);
        await ChatTestClient.NextAsync(l.Messages);

        var held = await m.SendAsync(room, "I've been stockpiling my clonazepam for when I decide to go.");

        Assert.Equal(ChatSendStatus.Held, held.Status);
        Assert.Contains("Thank you for trusting us", held.Error, StringComparison.Ordinal);
        Assert.True(await ChatTestClient.StaysEmptyAsync(l.Messages));
        var stored = await _app.WithDbAsync(db => db.ChatMessages.SingleAsync(x => x.Id == held.MessageId));
        Assert.Equal((ContentState.PendingApproval, (long?)null), (stored.State, stored.Sequence));
        var item = await _app.OnlyItemAsync();
        Assert.Equal((ReviewLane.Crisis, true), (item.Lane, item.HeldForApproval));
        Assert.DoesNotContain(held.MessageId!.Value, (await l.JoinAsync(room)).Messages.Select(x => x.Id));

        // A moderator who finds it safe to show publishes it: it takes the next place in the room, live.
        var moderator = await _app.SiteModeratorAsync();
        await moderator.DecideAsync(item.Id, "Disagree", reason: "Talking about it is how people get help; support offered.");
        var published = await ChatTestClient.NextAsync(l.Messages);
        Assert.Equal((held.MessageId.Value, 2L), (published.Id, published.Sequence));
    }

    [Fact]
    public async Task Ordinary_taper_talk_in_chat_is_sent_at_once_with_no_review()
    {
        var group = await _app.CreateGroupAsync();
        var room = await _app.RoomOfAsync(group);
        var (_, member, _) = await _app.ChatMemberAsync(group, room);
        await using var m = member;

        var sent = await m.SendAsync(room, "Cut from 1 mg to 0.875 mg clonazepam today. Day 40 of my hold, sleep is awful.");

        Assert.Equal(ChatSendStatus.Sent, sent.Status);
        Assert.Equal(0, await _app.WithDbAsync(db => db.ReviewItems.CountAsync()));
    }
}
