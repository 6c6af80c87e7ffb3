using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Authorization;
using OffBenzos.Community.Web.Crisis;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Forum;
using OffBenzos.Community.Web.Groups;
using OffBenzos.Community.Web.Moderation;
using OffBenzos.Community.Web.Notifications;

namespace OffBenzos.Community.Web.Chat;

/// <summary>
/// Rooms and messages: who may enter and write, storing a message once (however often it is sent),
/// reading history and catching up, and removing a message. The hub calls this for the signed-in user
/// of the connection; every call checks access again from the database.
/// </summary>
public sealed class ChatService(
    CommunityDb db,
    GroupAccess access,
    CurrentAccount current,
    ContentGate gate,
    SystemReview review,
    AuditLog audit,
    NotificationService notifications,
    BlockService blocks,
    ChatBroadcast broadcast,
    CrisisDirectory crisisLines,
    IOptions<ChatOptions> options,
    TimeProvider clock,
    ILogger<ChatService> logger)
{
    public const int RemoveReasonMax = 500;

    /// <summary>Catch-up returns at most this many messages; past it the browser starts again from the latest page.</summary>
    public const int CatchUpMax = 1000;

    /// <summary>A member's place in a live session's room.</summary>
    /// <param name="HasPlace">True when the member may take a place now: they said they are going, or places are left.</param>
    public sealed record SessionSeat(Sessions.LiveSession Session, Sessions.SessionAttendance? Attendance, bool HasPlace);

    public sealed record RoomAccess(ChatRoom Room, GroupAccess.Standing Standing, SessionSeat? Seat = null)
    {
        public bool IsHost => Seat is not null && Seat.Session.HostId == Standing.UserId;

        /// <summary>
        /// A group's room: its members and site moderators (who look after every room). A session's room:
        /// the group's members in the lobby; once open, those with a place, the host and moderators.
        /// </summary>
        public bool CanEnter => Seat?.Session.Status switch
        {
            null => Standing.IsMember || Standing.IsSiteModerator,
            Sessions.LiveSessionStatus.Scheduled => Standing.IsMember || Standing.IsSiteModerator || IsHost,
            Sessions.LiveSessionStatus.Open => IsHost || CanModerate
                || (Standing.IsMember && Seat.Attendance?.RemovedAt is null && (Seat.Attendance is not null || Seat.HasPlace)),
            _ => false,
        };

        public bool InLobby => Seat?.Session.Status == Sessions.LiveSessionStatus.Scheduled;

        public bool CanSend => CanEnter && Standing.CanWrite && WhySessionQuiet is null;

        public string? WhyNotSend => !CanEnter ? WhyNotEnter : Standing.WhyNotWrite ?? WhySessionQuiet;

        public string WhyNotEnter => Seat?.Session.Status switch
        {
            null => "Join this group to take part in its chat.",
            Sessions.LiveSessionStatus.Ended => "This session has ended.",
            Sessions.LiveSessionStatus.Cancelled => "This session was cancelled.",
            _ when Seat.Attendance?.RemovedAt is not null => "The host removed you from this session" + (Seat.Attendance.RemovedReason is { } why ? ": " + why : "."),
            _ when !Standing.IsMember => "This session is for the group's members. Join the group to take part.",
            _ => "This session is full. If you said you were going, or a place comes free, you can come in.",
        };

        /// <summary>Why the session's room keeps this member quiet right now, or null.</summary>
        private string? WhySessionQuiet =>
            Seat is null ? null
            : InLobby ? (IsHost ? "Open the room to start the session." : "The room opens when the host opens it.")
            : IsHost || CanModerate ? null
            : Seat.Attendance?.Muted == true ? "The host has muted you for now. You can still read along."
            : Seat.Session.AnnouncementOnly ? "Announcement mode: only the host is writing right now."
            : null;

        /// <summary>Site moderators, and the group's own moderators and coaches; in a session, its host.</summary>
        public bool CanModerate => Standing.CanModerate || IsHost || (Standing.IsMember && Standing.Membership!.Role == GroupRole.Coach);

        /// <summary>With late-joiner privacy, a member sees only what was said after they first came in.</summary>
        public DateTimeOffset? SeesFrom => Seat is { Session.LateJoinerPrivacy: true, Attendance: { } a } && !CanModerate ? a.FirstJoinedAt : null;
    }

    /// <summary>The group's standing room, made on first use.</summary>
    public async Task<ChatRoom> RoomForGroupAsync(int groupId)
    {
        var room = await db.ChatRooms.AsNoTracking().SingleOrDefaultAsync(r => r.GroupId == groupId && r.Kind == ChatRoomKind.Group);
        if (room is not null)
        {
            return room;
        }
        room = new ChatRoom { GroupId = groupId, Kind = ChatRoomKind.Group, CreatedAt = clock.GetUtcNow() };
        db.ChatRooms.Add(room);
        try
        {
            await db.SaveChangesAsync();
            return room;
        }
        catch (DbUpdateException)
        {
            // Two members opened the room at once: the other made it.
            db.ChangeTracker.Clear();
            return await db.ChatRooms.AsNoTracking().SingleAsync(r => r.GroupId == groupId && r.Kind == ChatRoomKind.Group);
        }
    }

    public async Task<RoomAccess?> AccessAsync(int roomId)
    {
        var room = await db.ChatRooms.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roomId);
        if (room is null || await access.ForGroupIdAsync(room.GroupId) is not { } standing)
        {
            return null;
        }
        if (room.Kind != ChatRoomKind.Session)
        {
            return new RoomAccess(room, standing);
        }
        var session = await db.LiveSessions.AsNoTracking().SingleAsync(s => s.RoomId == roomId);
        var userId = standing.UserId;
        var attendance = userId is null ? null : await db.SessionAttendances.AsNoTracking().SingleOrDefaultAsync(a => a.SessionId == session.Id && a.UserId == userId);
        var hasPlace = false;
        if (userId is not null && attendance is null)
        {
            // Places are kept for those who said they are going; anyone else may take one that is left.
            var going = await db.SessionRsvps.AnyAsync(r => r.SessionId == session.Id && r.UserId == userId && r.Response == Sessions.RsvpResponse.Going);
            var inRoom = await db.SessionAttendances.CountAsync(a => a.SessionId == session.Id && a.UserId != session.HostId && a.RemovedAt == null);
            var keptFor = await db.SessionRsvps.CountAsync(r => r.SessionId == session.Id && r.Response == Sessions.RsvpResponse.Going
                && !db.SessionAttendances.Any(a => a.SessionId == session.Id && a.UserId == r.UserId));
            hasPlace = going || inRoom + keptFor < session.Capacity;
        }
        return new RoomAccess(room, standing, new SessionSeat(session, attendance, hasPlace));
    }

    /// <summary>Records a member's first entry into an open session: their attendance, and where late-joiner privacy starts.</summary>
    public async Task<RoomAccess> TakeSeatAsync(RoomAccess room)
    {
        ArgumentNullException.ThrowIfNull(room);
        if (room.Seat is not { Session.Status: Sessions.LiveSessionStatus.Open } seat || room.Standing.UserId is not { } userId)
        {
            return room;
        }
        var now = clock.GetUtcNow();
        if (seat.Attendance is { } existing)
        {
            await db.SessionAttendances.Where(a => a.SessionId == seat.Session.Id && a.UserId == userId)
                .ExecuteUpdateAsync(a => a.SetProperty(x => x.LastSeenAt, now));
            return room;
        }
        var attendance = new Sessions.SessionAttendance { SessionId = seat.Session.Id, UserId = userId, FirstJoinedAt = now, LastSeenAt = now };
        db.SessionAttendances.Add(attendance);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Two tabs entered at once: the first one recorded it.
            db.ChangeTracker.Clear();
            attendance = await db.SessionAttendances.AsNoTracking().SingleAsync(a => a.SessionId == seat.Session.Id && a.UserId == userId);
        }
        return room with { Seat = seat with { Attendance = attendance } };
    }

    /// <summary>
    /// The session's settings as its room sees them, read from the database with their version in one
    /// row: every change is stored before it is counted, so the settings are at least as new as their
    /// version, and the state read after the last change carries the highest.
    /// </summary>
    public async Task<SessionStateView> SessionStateAsync(int sessionId)
    {
        var session = await db.LiveSessions.AsNoTracking().Where(s => s.Id == sessionId)
            .Select(s => new { s.StateVersion, s.Status, s.HostId, s.SlowModeSeconds, s.AnnouncementOnly, s.LateJoinerPrivacy, s.PinnedMessageId })
            .SingleAsync();
        var pinned = session.PinnedMessageId is { } pinId
            ? (await ViewsAsync(db.ChatMessages.Where(m => m.Id == pinId && m.State == ContentState.Visible))).SingleOrDefault()
            : null;
        var muted = await db.SessionAttendances.Where(a => a.SessionId == sessionId && a.Muted && a.RemovedAt == null).Select(a => a.UserId).ToListAsync();
        return new SessionStateView(session.StateVersion, sessionId, session.Status.ToString(), session.HostId, session.SlowModeSeconds,
            session.AnnouncementOnly, session.LateJoinerPrivacy, pinned, muted);
    }

    /// <summary>
    /// Entering a room: the latest page of messages, or (when <paramref name="after"/> is given, on a
    /// reconnect) every message after that sequence and which earlier ones were removed meanwhile.
    /// </summary>
    public async Task<ChatJoinResult> JoinAsync(RoomAccess room, long? after, ChatPresenceList present)
    {
        ArgumentNullException.ThrowIfNull(room);
        var userId = room.Standing.UserId!;
        var blocked = await blocks.BlockedByAsync(userId);
        var roomId = room.Room.Id;
        var lastSequence = await db.ChatRooms.Where(r => r.Id == roomId).Select(r => r.LastSequence).SingleAsync();
        var visible = Readable(room);
        List<ChatMessageView> messages;
        var hasOlder = false;
        IReadOnlyList<long> removed = [];
        if (after is { } since && since >= 0 && lastSequence - since <= CatchUpMax)
        {
            messages = await ViewsAsync(visible.Where(m => m.Sequence > since));
            // Removals since the member was away, among what they may have on screen.
            var window = since - (2 * options.Value.PageSize);
            removed = await db.ChatMessages
                .Where(m => m.RoomId == roomId && m.Sequence > window && m.State != ContentState.Visible)
                .Select(m => m.Id).ToListAsync();
        }
        else
        {
            var pageAndOne = options.Value.PageSize + 1; // a plain variable for EF (docs/architecture.md, Data)
            var page = await ViewsAsync(visible.OrderByDescending(m => m.Sequence).Take(pageAndOne));
            hasOlder = page.Count > options.Value.PageSize;
            messages = page.Skip(page.Count - Math.Min(page.Count, options.Value.PageSize)).ToList();
        }
        messages.RemoveAll(m => blocked.Contains(m.AuthorId));
        var groupId = room.Room.GroupId; // a plain variable for EF (docs/architecture.md, Data)
        var name = room.Seat?.Session.Title ?? await db.Groups.Where(g => g.Id == groupId).Select(g => g.Name).SingleAsync();
        // In a session, the page adds the session's own quiet (lobby, mute, announcement mode) from its state, which changes live.
        var canWrite = room.CanEnter && room.Standing.CanWrite;
        // Read afresh here, after the connection joined the room's group, not taken from the seat's row,
        // which was read before: a host's change in between would reach neither this answer nor the
        // connection.
        var session = room.Seat is null ? null : await SessionStateAsync(room.Seat.Session.Id);
        return new ChatJoinResult(true, null, roomId, name, messages, hasOlder, lastSequence, removed, present,
            canWrite, canWrite ? null : !room.CanEnter ? room.WhyNotEnter : room.Standing.WhyNotWrite,
            room.CanModerate, blocked, session);
    }

    /// <summary>The room's published messages this member may read (from when they joined, with late-joiner privacy).</summary>
    private IQueryable<ChatMessage> Readable(RoomAccess room) => InRoom(room, everyState: false);

    /// <summary>The room's messages around one this member may read: published ones (all, for those who moderate it), within late-joiner privacy.</summary>
    public IQueryable<ChatMessage> Around(RoomAccess room)
    {
        ArgumentNullException.ThrowIfNull(room);
        return InRoom(room, everyState: room.CanModerate);
    }

    private IQueryable<ChatMessage> InRoom(RoomAccess room, bool everyState)
    {
        var roomId = room.Room.Id;
        var messages = db.ChatMessages.Where(m => m.RoomId == roomId && m.Sequence != null);
        if (!everyState)
        {
            messages = messages.Where(m => m.State == ContentState.Visible);
        }
        return room.SeesFrom is { } from ? messages.Where(m => m.SentAt >= from) : messages;
    }

    /// <summary>
    /// One message and the room as the current member reaches it, when they may read it there: they can
    /// enter the room, it was said after they came in (late-joiner privacy), and it is published, or they
    /// moderate the room. Null otherwise, whether or not the message exists.
    /// </summary>
    public async Task<(ChatMessage Message, RoomAccess Room)?> ReadableMessageAsync(long id)
    {
        var message = await db.ChatMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id);
        if (message is null || await AccessAsync(message.RoomId) is not { CanEnter: true } room
            || (message.State != ContentState.Visible && !room.CanModerate)
            || message.SentAt < room.SeesFrom)
        {
            return null;
        }
        return (message, room);
    }

    /// <summary>Older messages, scrolling back.</summary>
    public async Task<ChatHistory> OlderAsync(RoomAccess room, long before)
    {
        ArgumentNullException.ThrowIfNull(room);
        var blocked = await blocks.BlockedByAsync(room.Standing.UserId!);
        var pageAndOne = options.Value.PageSize + 1;
        var page = await ViewsAsync(Readable(room).Where(m => m.Sequence < before)
            .OrderByDescending(m => m.Sequence).Take(pageAndOne));
        var hasOlder = page.Count > options.Value.PageSize;
        var messages = page.Skip(page.Count - Math.Min(page.Count, options.Value.PageSize)).Where(m => !blocked.Contains(m.AuthorId)).ToList();
        return new ChatHistory(messages, hasOlder);
    }

    /// <summary>
    /// Stores the message (once, whatever the retries), publishes it to the room, and returns it with
    /// its sequence. A retry of a stored message returns it again and publishes nothing new.
    /// </summary>
    public async Task<ChatSendResult> SendAsync(int roomId, Guid clientId, string? text, bool crisisAcknowledged)
    {
        if (await current.GetAsync() is not { } account)
        {
            return new(ChatSendStatus.Refused, Error: "Please sign in again.");
        }
        if (clientId == Guid.Empty)
        {
            return new(ChatSendStatus.Refused, Error: "This message has no id; please reload the page.");
        }
        var existing = await FindAsync(account.UserId, clientId);
        if (existing is not null)
        {
            return existing;
        }
        var (clean, error) = Clean(text);
        if (error is not null)
        {
            return new(ChatSendStatus.Refused, Error: error);
        }
        if (await AccessAsync(roomId) is not { } room || !room.CanEnter)
        {
            return new(ChatSendStatus.Refused, Error: "You're not in this room any more.");
        }
        if (!room.CanSend)
        {
            return new(ChatSendStatus.Refused, Error: room.WhyNotSend);
        }
        if (room.Seat is { Session.SlowModeSeconds: > 0 and var every } && !room.CanModerate)
        {
            var authorId = account.UserId; // a plain variable for EF (docs/architecture.md, Data)
            var last = await db.ChatMessages.Where(m => m.RoomId == roomId && m.AuthorId == authorId).MaxAsync(m => (DateTimeOffset?)m.SentAt);
            var wait = last is null ? TimeSpan.Zero : last.Value.AddSeconds(every) - clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                var seconds = (int)Math.Ceiling(wait.TotalSeconds);
                return new(ChatSendStatus.Retry, Error: $"Slow mode is on: one message every {every} seconds. Yours will be sent in {seconds} seconds.", RetryAfterSeconds: seconds);
            }
        }

        var verdict = await gate.CheckAsync(account.UserId, room.Standing.IsSiteModerator, clean!, CountLinks(clean!), isNewPost: false);
        if (verdict.Blocked)
        {
            return new(ChatSendStatus.Refused, Error: verdict.BlockedBecause!.Replace("post", "message", StringComparison.Ordinal));
        }
        if (!crisisAcknowledged && verdict.Crisis.ShouldSignpost && !verdict.Crisis.ShouldHold)
        {
            return new(ChatSendStatus.Check, Crisis: await CardAsync(verdict.Crisis, account.UserId));
        }

        var message = new ChatMessage
        {
            RoomId = roomId,
            AuthorId = account.UserId,
            ClientId = clientId,
            Text = clean!,
            SentAt = clock.GetUtcNow(),
            State = verdict.Held ? ContentState.PendingApproval : ContentState.Visible,
        };
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            if (!verdict.Held)
            {
                message.Sequence = await NextSequenceAsync(db, roomId);
            }
            db.ChatMessages.Add(message);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        catch (DbUpdateException ex)
        {
            // The same message sent twice at once (two tabs, a retry racing the first try): the first stored it.
            logger.LogInformation(ex, "A chat message was stored concurrently; returning the stored one.");
            db.ChangeTracker.Clear();
            return await FindAsync(account.UserId, clientId) ?? throw new InvalidOperationException("A chat message could not be stored.", ex);
        }

        var view = (await ViewsAsync(db.ChatMessages.Where(m => m.Id == message.Id))).Single();
        if (!verdict.Held)
        {
            await broadcast.MessageAsync(view);
        }
        if (verdict.RaiseLane is { } lane)
        {
            var groupName = await db.Groups.Where(g => g.Id == room.Room.GroupId).Select(g => g.Name).SingleAsync();
            await review.RaiseAsync(ChatTarget(message, room.Room.GroupId, groupName), lane, verdict.RaiseBecause ?? "Raised automatically.", verdict.Held);
        }
        return verdict.Held
            ? new(ChatSendStatus.Held, MessageId: message.Id,
                Error: verdict.Crisis.ShouldHold
                    ? "Thank you for trusting us with this. To keep everyone safe, messages with details like these are read by a moderator before others see them. If you are in danger, please use the crisis lines at the top of the page now."
                    : "Your message is waiting for a moderator before others see it, because it matches one of the community's watched words.")
            : new(ChatSendStatus.Sent, view);
    }

    /// <summary>A moderator, group moderator or coach removes a message: gone for everyone at once, audited, the author told why.</summary>
    public async Task<string?> RemoveAsync(long messageId, string? reason)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return "Please give a short reason: the author will see it.";
        }
        if (reason.Length > RemoveReasonMax)
        {
            return $"Please keep the reason under {RemoveReasonMax} characters.";
        }
        var message = await db.ChatMessages.SingleOrDefaultAsync(m => m.Id == messageId);
        if (message is null || await AccessAsync(message.RoomId) is not { } room || !room.CanEnter)
        {
            return "That message no longer exists.";
        }
        if (!room.CanModerate)
        {
            return "Only moderators and the group's coaches can remove messages.";
        }
        if (message.State is ContentState.Removed)
        {
            return null;
        }
        var before = message.State;
        message.State = ContentState.Removed;
        message.RemovedAt = clock.GetUtcNow();
        message.RemovedById = room.Standing.UserId;
        await audit.AppendAsync(new AuditLog.Entry(room.Standing.UserId!, "chat.remove", ModerationTargets.ChatMessage,
            message.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), room.Room.GroupId, reason, $"state={before}; content={message.Text}"));
        await broadcast.RemovedAsync(message.RoomId, message.Id);
        if (message.AuthorId != room.Standing.UserId)
        {
            var groupName = await db.Groups.Where(g => g.Id == room.Room.GroupId).Select(g => g.Name).SingleAsync();
            await notifications.NotifyAsync(message.AuthorId, NotificationKind.ModerationNotice, "Your chat message in " + groupName,
                "A moderator removed your chat message. Reason: " + reason, actorId: room.Standing.UserId);
        }
        return null;
    }

    /// <summary>After a moderator's decision: a published message appears in its room, a hidden or removed one disappears.</summary>
    public async Task AnnounceStateAsync(long messageId)
    {
        var message = await db.ChatMessages.AsNoTracking().Where(m => m.Id == messageId).Select(m => new { m.RoomId, m.State, m.Sequence }).SingleOrDefaultAsync();
        if (message is null)
        {
            return;
        }
        if (message.State == ContentState.Visible && message.Sequence is not null)
        {
            // With late-joiner privacy a broadcast would reach those who came in after it was written.
            // Those there before find it by the gap it leaves in the sequence, catching up through the
            // history, which keeps the privacy.
            if (!await db.LiveSessions.AnyAsync(s => s.RoomId == message.RoomId && s.LateJoinerPrivacy))
            {
                await broadcast.MessageAsync((await ViewsAsync(db.ChatMessages.Where(m => m.Id == messageId))).Single());
            }
        }
        else if (message.State != ContentState.PendingApproval)
        {
            await broadcast.RemovedAsync(message.RoomId, messageId);
        }
    }

    /// <summary>Takes the room's next sequence number; call inside a transaction so the number and the message commit together.</summary>
    internal static async Task<long> NextSequenceAsync(CommunityDb db, int roomId)
    {
        // The update takes the row's write lock first, so two senders never get the same number.
        await db.ChatRooms.Where(r => r.Id == roomId).ExecuteUpdateAsync(s => s.SetProperty(r => r.LastSequence, r => r.LastSequence + 1));
        return await db.ChatRooms.Where(r => r.Id == roomId).Select(r => r.LastSequence).SingleAsync();
    }

    internal static ModerationTarget ChatTarget(ChatMessage message, int groupId, string groupName) =>
        new(ModerationTargets.ChatMessage, message.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), groupId, message.AuthorId,
            "Chat message in " + groupName, message.Text, "/chat/messages/" + message.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Plain text as typed: line breaks kept, other control characters dropped, at most <see cref="ChatOptions.MessageMax"/> characters.</summary>
    public static (string? Text, string? Error) Clean(string? text)
    {
        if (text is null)
        {
            return (null, "Write something first.");
        }
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ReplaceLineEndings("\n"))
        {
            if (!char.IsControl(c) || c is '\n' or '\t')
            {
                builder.Append(c);
            }
        }
        var clean = builder.ToString().Trim();
        if (clean.Length == 0)
        {
            return (null, "Write something first.");
        }
        if (clean.Length > ChatOptions.MessageMax)
        {
            return (null, $"Please keep a message under {ChatOptions.MessageMax:N0} characters (this one has {clean.Length:N0}). Your text is still in the box: you could send it in two parts.");
        }
        return (clean, null);
    }

    private static int CountLinks(string text) =>
        text.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Count(w => w.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || w.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || w.StartsWith("www.", StringComparison.OrdinalIgnoreCase));

    private async Task<ChatCrisisCard> CardAsync(CrisisAssessment assessment, string userId)
    {
        var country = await db.Users.Where(u => u.Id == userId).Select(u => u.CountryCode).SingleOrDefaultAsync();
        var resources = crisisLines.For(country);
        var lines = resources.Lines.Where(l => l.Kind == "crisis").Take(3).Select(l => new ChatCrisisLine(l.Name, l.Display, l.Tel, l.Sms)).ToList();
        return new ChatCrisisCard(assessment.Has(CrisisCategory.SuicideOrSelfHarm), assessment.Has(CrisisCategory.MedicalEmergency), lines,
            resources.Emergency?.Display, resources.Emergency?.Tel, resources.EmergencyText);
    }

    private async Task<ChatSendResult?> FindAsync(string userId, Guid clientId)
    {
        var stored = await db.ChatMessages.AsNoTracking().Where(m => m.AuthorId == userId && m.ClientId == clientId)
            .Select(m => new { m.Id, m.State }).SingleOrDefaultAsync();
        if (stored is null)
        {
            return null;
        }
        if (stored.State == ContentState.PendingApproval)
        {
            return new(ChatSendStatus.Held, MessageId: stored.Id, Error: "Your message is waiting for a moderator before others see it.");
        }
        if (stored.State != ContentState.Visible)
        {
            return new(ChatSendStatus.Refused, MessageId: stored.Id, Error: "A moderator removed this message.");
        }
        return new(ChatSendStatus.Sent, (await ViewsAsync(db.ChatMessages.Where(m => m.Id == stored.Id))).Single());
    }

    /// <summary>The messages with their authors' names, in room order.</summary>
    private async Task<List<ChatMessageView>> ViewsAsync(IQueryable<ChatMessage> messages)
    {
        var rows = await messages.AsNoTracking()
            .Join(db.Users, m => m.AuthorId, u => u.Id, (m, u) => new { m.Id, m.RoomId, m.Sequence, m.AuthorId, u.DisplayName, m.Text, m.SentAt, m.ClientId })
            .ToListAsync();
        return rows.OrderBy(r => r.Sequence)
            .Select(r => new ChatMessageView(r.Id, r.RoomId, r.Sequence ?? 0, r.AuthorId, r.DisplayName, r.Text, r.SentAt, r.ClientId))
            .ToList();
    }
}
