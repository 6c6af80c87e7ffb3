using OffBenzos.Community.Web.Forum;

namespace OffBenzos.Community.Web.Chat;

/// <summary>
/// One message in a room. Stored before anyone hears of it; unique on its author and the id the
/// author's client gave it, so a retried send finds the message it already made.
/// </summary>
public class ChatMessage
{
    public long Id { get; set; }
    public int RoomId { get; set; }

    /// <summary>Its place in the room; null while it is held for a moderator (it gets one when published).</summary>
    public long? Sequence { get; set; }

    public required string AuthorId { get; set; }
    public Guid ClientId { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public ContentState State { get; set; } = ContentState.Visible;
    public DateTimeOffset? RemovedAt { get; set; }
    public string? RemovedById { get; set; }
}
