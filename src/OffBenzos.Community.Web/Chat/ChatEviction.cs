namespace OffBenzos.Community.Web.Chat;

/// <summary>
/// Takes a member's live connections out of rooms they may no longer be in, on whichever instance
/// holds them: after leaving a group, being removed from it or from a session, or being barred.
/// Their calls would be refused anyway; this stops them hearing the room too.
/// </summary>
public sealed class ChatEviction(ChatPresenceStore presence, ChatBroadcast broadcast)
{
    public Task FromGroupAsync(string userId, int? groupId, string reason) => EvictAsync(userId, groupId, null, reason);

    /// <summary>Out of one room (a live session the member was removed from, or one that ended: <paramref name="userId"/> null for everyone).</summary>
    public Task FromRoomAsync(string? userId, int roomId, string reason) => EvictAsync(userId, null, roomId, reason);

    private async Task EvictAsync(string? userId, int? groupId, int? onlyRoomId, string reason)
    {
        var connections = await presence.ConnectionsOfAsync(userId, groupId, onlyRoomId);
        foreach (var (connectionId, roomId) in connections)
        {
            await broadcast.CloseForAsync(connectionId, roomId, reason);
            await presence.LeaveAsync(connectionId, roomId);
        }
        foreach (var roomId in connections.Select(c => c.RoomId).Distinct())
        {
            await broadcast.PresenceAsync(roomId, await presence.InRoomAsync(roomId));
        }
    }
}
