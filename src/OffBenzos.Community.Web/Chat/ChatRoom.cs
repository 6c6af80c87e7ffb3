namespace OffBenzos.Community.Web.Chat;

/// <summary>
/// A live chat room: every group has one, and each live session has its own. The room hands out
/// sequence numbers, so every published message has its place and a returning client can ask for
/// everything after the last one it saw.
/// </summary>
public class ChatRoom
{
    public int Id { get; set; }
    public int GroupId { get; set; }
    public ChatRoomKind Kind { get; set; }

    /// <summary>The sequence number of the room's latest published message (0 before the first).</summary>
    public long LastSequence { get; set; }

    /// <summary>
    /// Counts changes to who is in the room. Every list of who is here carries the count read just
    /// before it, so a browser that hears two lists out of order (two joins at once, two instances)
    /// keeps the newer one.
    /// </summary>
    public long PresenceVersion { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public enum ChatRoomKind
{
    /// <summary>The group's own room, open to its members at any time.</summary>
    Group,

    /// <summary>A coach-hosted live session's room.</summary>
    Session,
}
