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
public sealed class ChatHub(ChatService chat, ChatPresenceStore presence, ChatBroadcast broadcast, TimeProvider clock) : Hub<IChatClient>
{
    private static readonly TimeSpan TypingEvery = TimeSpan.FromSeconds(2);

    public static string RoomGroup(int roomId) => $"chat:{roomId}";

    /// <summary>
    /// Enters a room: the latest messages, or after a reconnect everything after <paramref name="after"/>.
    /// The connection hears new messages from before the history is read, so nothing falls in between
    /// (the browser drops what it already has by sequence).
    /// </summary>
    public async Task<ChatJoinResult> Join(int roomId, long? after)
    {
        if (await chat.AccessAsync(roomId) is not { CanEnter: true } room)
        {
            return ChatJoinResult.Refused(roomId, "This room is for the group's members. Join the group to take part.");
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, RoomGroup(roomId));
        await presence.EnterAsync(Context.ConnectionId, roomId, room.Standing.UserId!);
        var present = await presence.InRoomAsync(roomId);
        await broadcast.PresenceAsync(roomId, present);
        return await chat.JoinAsync(room, after, present);
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

    public async Task Leave(int roomId)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, RoomGroup(roomId));
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
