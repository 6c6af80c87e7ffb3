namespace OffBenzos.Community.Web.Chat;

/// <summary>What the chat hub calls on a connected browser.</summary>
public interface IChatClient
{
    /// <summary>A message was published in a room the connection is in.</summary>
    Task Message(ChatMessageView message);

    /// <summary>A message was removed or hidden: it disappears from every screen.</summary>
    Task MessageRemoved(int roomId, long messageId);

    /// <summary>Who is in the room now (a list with a lower version than one already heard is older).</summary>
    Task Presence(int roomId, ChatPresenceList present);

    /// <summary>Someone is typing; the browser forgets it after a few seconds unless told again.</summary>
    Task Typing(int roomId, string userId, string name);

    /// <summary>The member may no longer be in the room (left the group, removed from a session); the connection has left it.</summary>
    Task RoomClosed(int roomId, string reason);

    /// <summary>A live session's settings changed (opened, ended, slow mode, announcement mode, pin, mutes).</summary>
    Task SessionState(int roomId, SessionStateView state);

    /// <summary>The member was suspended or banned: the page should close its connection and reload.</summary>
    Task SessionEnded();
}
