namespace OffBenzos.Community.Web.Chat;

// What the chat hub sends and returns. Text is plain text: the browser shows it with textContent.

public sealed record ChatMessageView(long Id, int RoomId, long Sequence, string AuthorId, string AuthorName, string Text, DateTimeOffset SentAt, Guid ClientId);

public sealed record ChatPresenceView(string UserId, string Name, string? Role);

/// <summary>
/// Who is in a room, with the room's presence version read before the list: the list is at least
/// that new. A browser keeps the list with the highest version it has heard.
/// </summary>
public sealed record ChatPresenceList(long Version, IReadOnlyList<ChatPresenceView> People);

public sealed record ChatJoinResult(
    bool Ok,
    string? Error,
    int RoomId,
    string RoomName,
    IReadOnlyList<ChatMessageView> Messages,
    bool HasOlder,
    long LastSequence,
    IReadOnlyList<long> Removed,
    ChatPresenceList Present,
    bool CanSend,
    string? WhyNotSend,
    bool CanModerate,
    IReadOnlyList<string> Blocked,
    SessionStateView? Session = null)
{
    public static ChatJoinResult Refused(int roomId, string error) =>
        new(false, error, roomId, "", [], false, 0, [], new ChatPresenceList(0, []), false, error, false, []);
}

/// <summary>
/// A live session's room settings, sent to everyone in the room whenever the host changes one, with
/// the session's state version: a page keeps the state with the highest.
/// </summary>
public sealed record SessionStateView(
    int Version,
    int SessionId,
    string Status,
    string HostId,
    int SlowModeSeconds,
    bool AnnouncementOnly,
    bool LateJoinerPrivacy,
    ChatMessageView? Pinned,
    IReadOnlyList<string> Muted);

public sealed record ChatHistory(IReadOnlyList<ChatMessageView> Messages, bool HasOlder);

/// <summary>The outcome of a send, which the browser acts on.</summary>
public static class ChatSendStatus
{
    /// <summary>Stored and published (or found already stored: a retry). Carries the message with its sequence.</summary>
    public const string Sent = "sent";

    /// <summary>Stored but held for a moderator; nobody else sees it yet.</summary>
    public const string Held = "held";

    /// <summary>The words suggest the writer may be at risk: show the support card; sending again with the acknowledgement publishes.</summary>
    public const string Check = "check";

    /// <summary>Not sent, and sending it again as it is won't help: the error says what to change.</summary>
    public const string Refused = "refused";

    /// <summary>Not sent yet (sending quickly): keep it and try again after <see cref="ChatSendResult.RetryAfterSeconds"/>.</summary>
    public const string Retry = "retry";
}

public sealed record ChatCrisisLine(string Name, string Display, string? Tel, string? Sms);

public sealed record ChatCrisisCard(bool Risk, bool Medical, IReadOnlyList<ChatCrisisLine> Lines, string? EmergencyDisplay, string? EmergencyTel, string EmergencyText);

public sealed record ChatSendResult(string Status, ChatMessageView? Message = null, string? Error = null, int? RetryAfterSeconds = null, ChatCrisisCard? Crisis = null, long? MessageId = null);

/// <summary>What the chat room's frame on a page needs: the room, who is reading, and (in a live session) the session.</summary>
public sealed record ChatRoomFrame(int RoomId, string UserId, bool Sound, int? SessionId, bool IsHost = false);
