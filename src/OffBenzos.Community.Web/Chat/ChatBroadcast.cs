using Microsoft.AspNetCore.SignalR;

namespace OffBenzos.Community.Web.Chat;

/// <summary>
/// Tells a room's connections, on every instance (through the Redis backplane when scaled out).
/// A message is already stored when this runs, so a failed broadcast loses nothing: the browsers
/// notice the gap in sequence numbers and catch up.
/// </summary>
public sealed class ChatBroadcast(IHubContext<ChatHub, IChatClient> hub, ILogger<ChatBroadcast> logger)
{
    public Task MessageAsync(ChatMessageView message) =>
        SendAsync(() => hub.Clients.Group(ChatHub.RoomGroup(message.RoomId)).Message(message));

    public Task RemovedAsync(int roomId, long messageId) =>
        SendAsync(() => hub.Clients.Group(ChatHub.RoomGroup(roomId)).MessageRemoved(roomId, messageId));

    /// <summary>Who is here: to the room and, for a session not yet open, to those waiting in its lobby.</summary>
    public Task PresenceAsync(int roomId, ChatPresenceList present) =>
        SendAsync(() => hub.Clients.Groups(ChatHub.RoomGroup(roomId), ChatHub.LobbyGroup(roomId)).Presence(roomId, present));

    public Task SessionStateAsync(int roomId, SessionStateView state) =>
        SendAsync(() => hub.Clients.Groups(ChatHub.RoomGroup(roomId), ChatHub.LobbyGroup(roomId)).SessionState(roomId, state));

    /// <summary>Takes one connection out of a room (and its lobby) and tells it why.</summary>
    public Task CloseForAsync(string connectionId, int roomId, string reason) =>
        SendAsync(async () =>
        {
            await hub.Groups.RemoveFromGroupAsync(connectionId, ChatHub.RoomGroup(roomId));
            await hub.Groups.RemoveFromGroupAsync(connectionId, ChatHub.LobbyGroup(roomId));
            await hub.Clients.Client(connectionId).RoomClosed(roomId, reason);
        });

    private async Task SendAsync(Func<Task> send)
    {
        try
        {
            await send();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "A chat broadcast failed; the browsers will catch up from the database.");
        }
    }
}
