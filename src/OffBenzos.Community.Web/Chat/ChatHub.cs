using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using OffBenzos.Community.Web.Accounts;

namespace OffBenzos.Community.Web.Chat;

/// <summary>
/// Group chat rooms, live. The user is only ever the connection's own; each call asks
/// <see cref="ChatService"/>, which checks membership and sanctions in the database every time, so
/// leaving a group or being silenced takes effect on the next call. Sending is rate limited per member
/// by <see cref="ChatLimitsFilter"/>. Errors reach the browser as plain words, never internals.
/// </summary>
[Authorize]
public sealed class ChatHub(ChatService chat, ChatPresenceStore presence, ChatBroadcast broadcast, Sessions.SessionService sessions, TimeProvider clock) : Hub<IChatClient>
{
    private static readonly TimeSpan TypingEvery = TimeSpan.FromSeconds(2);

    public static string RoomGroup(int roomId) => $"chat:{roomId}";

    /// <summary>
    /// A session's lobby: it hears the session's state and who is waiting, never the room's words. When
    /// the host opens the room, each browser enters again and its place is checked then, so a connection
    /// that stays quiet in the lobby hears nothing of the session.
    /// </summary>
    public static string LobbyGroup(int roomId) => $"chat:{roomId}:lobby";

    /// <summary>
    /// Enters a room: the latest messages, or after a reconnect everything after <paramref name="after"/>.
    /// The connection hears new messages from before the history is read, so nothing falls in between
    /// (the browser drops what it already has by sequence).
    /// </summary>
    public async Task<ChatJoinResult> Join(int roomId, long? after)
    {
        var room = await chat.AccessAsync(roomId);
        if (room is not { CanEnter: true })
        {
            // Perhaps waiting in a session's lobby a moment ago, and now there is no place: out of the room.
            await Leave(roomId);
            return ChatJoinResult.Refused(roomId, room?.WhyNotEnter ?? "There is no such room.");
        }
        room = await chat.TakeSeatAsync(room);
        if (room.InLobby)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, LobbyGroup(roomId));
        }
        else
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, RoomGroup(roomId));
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, LobbyGroup(roomId));
        }
        await presence.EnterAsync(Context.ConnectionId, roomId, room.Standing.UserId!);
        var present = await presence.InRoomAsync(roomId);
        await broadcast.PresenceAsync(roomId, present);
        var joined = await chat.JoinAsync(room, after, present);
        if (room.InLobby && joined.Session is { Status: not nameof(Sessions.LiveSessionStatus.Scheduled) })
        {
            // The host opened the room between the check and the lobby: this connection missed the
            // broadcast that makes a browser enter again, so it enters now, with its place checked.
            return await Join(roomId, after);
        }
        return joined;
    }

    public async Task<ChatHistory> Older(int roomId, long before)
    {
        if (!await presence.IsInRoomAsync(Context.ConnectionId, roomId) || await chat.AccessAsync(roomId) is not { CanEnter: true } room)
        {
            throw new HubException("Please enter the room first.");
        }
        return await chat.OlderAsync(room, before);
    }

    public Task<ChatSendResult> Send(int roomId, Guid clientId, string text, bool crisisAcknowledged) =>
        chat.SendAsync(roomId, clientId, text, crisisAcknowledged);

    /// <summary>Tells the others in the room that the caller is typing (at most every two seconds).</summary>
    public async Task Typing(int roomId)
    {
        var key = "typing:" + roomId;
        var now = clock.GetUtcNow();
        if (Context.Items.TryGetValue(key, out var last) && last is DateTimeOffset at && now - at < TypingEvery)
        {
            return;
        }
        Context.Items[key] = now;
        if (!await presence.IsInRoomAsync(Context.ConnectionId, roomId) || await chat.AccessAsync(roomId) is not { CanSend: true } room)
        {
            return;
        }
        var name = Context.User?.FindFirst(CommunityClaims.DisplayName)?.Value ?? "Someone";
        await Clients.OthersInGroup(RoomGroup(roomId)).Typing(roomId, room.Standing.UserId!, name);
    }

    public async Task<string?> Remove(long messageId, string reason) => await chat.RemoveAsync(messageId, reason);

    // Host controls for a live session: each checks the caller may host it, is audited, and tells the room.
    // They return null when done, or a reason in words.

    public Task<string?> OpenSession(int sessionId) => sessions.OpenAsync(sessionId);

    public Task<string?> EndSession(int sessionId) => sessions.EndAsync(sessionId);

    public Task<string?> SetSlowMode(int sessionId, int seconds) => sessions.SetSlowModeAsync(sessionId, seconds);

    public Task<string?> SetAnnouncementOnly(int sessionId, bool on) => sessions.SetAnnouncementOnlyAsync(sessionId, on);

    public Task<string?> SetLateJoinerPrivacy(int sessionId, bool on) => sessions.SetLateJoinerPrivacyAsync(sessionId, on);

    public Task<string?> Pin(int sessionId, long? messageId) => sessions.PinAsync(sessionId, messageId);

    public Task<string?> MuteMember(int sessionId, string userId, bool muted) => sessions.MuteAsync(sessionId, userId, muted);

    public Task<string?> RemoveMember(int sessionId, string userId, string reason) => sessions.RemoveAsync(sessionId, userId, reason);

    public async Task Leave(int roomId)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, RoomGroup(roomId));
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, LobbyGroup(roomId));
        foreach (var room in await presence.LeaveAsync(Context.ConnectionId, roomId))
        {
            await broadcast.PresenceAsync(room, await presence.InRoomAsync(room));
        }
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var room in await presence.LeaveAsync(Context.ConnectionId))
        {
            await broadcast.PresenceAsync(room, await presence.InRoomAsync(room));
        }
        await base.OnDisconnectedAsync(exception);
    }
}
