namespace OffBenzos.Community.Web.Chat;

/// <summary>
/// One connection in one room, kept in the database so every instance sees the same "who is here"
/// and can find a member's connections to close them. Each instance refreshes its own rows; rows
/// an instance stopped refreshing (it crashed) age out.
/// </summary>
public class ChatPresence
{
    public required string ConnectionId { get; set; }
    public int RoomId { get; set; }
    public required string UserId { get; set; }
    public required string InstanceId { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
    public DateTimeOffset SeenAt { get; set; }
}
