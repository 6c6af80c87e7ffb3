using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OffBenzos.Community.Web.Authorization;
using OffBenzos.Community.Web.Chat;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Forum;
using OffBenzos.Community.Web.Groups;
using OffBenzos.Community.Web.Moderation;
using OffBenzos.Community.Web.Notifications;

namespace OffBenzos.Community.Web.Sessions;

/// <summary>
/// Live sessions: a coach schedules one for a group they coach, members answer (going, can't go,
/// a waitlist past capacity that moves up by itself), the host opens, runs and ends the room. Every
/// host action is audited and reaches the room at once.
/// </summary>
public sealed class SessionService(
    CommunityDb db,
    CurrentAccount current,
    GroupAccess access,
    ChatService chat,
    ChatBroadcast broadcast,
    ChatEviction eviction,
    AuditLog audit,
    NotificationService notifications,
    IOptions<LiveSessionOptions> options,
    TimeProvider clock,
    ILogger<SessionService> logger)
{
    public const string AuditTarget = "session";

    public sealed record ScheduleInput(int GroupId, string? Title, string? Description, DateOnly? Date, TimeOnly? Time, string? TimeZoneId, int? DurationMinutes, int? Capacity);

    public sealed record Viewer(LiveSession Session, GroupAccess.Standing Standing)
    {
        public bool IsHost => Session.HostId == Standing.UserId;

        /// <summary>Host controls: the host, and moderators of the group or the site (who may need to step in).</summary>
        public bool CanHost => IsHost || Standing.CanModerate;
    }

    /// <summary>Groups the signed-in member coaches (where they may schedule).</summary>
    public async Task<IReadOnlyList<Group>> CoachedGroupsAsync()
    {
        if (await current.GetAsync() is not { } account)
        {
            return [];
        }
        return await db.GroupMemberships.AsNoTracking()
            .Where(m => m.UserId == account.UserId && m.State == MembershipState.Active && m.Role == GroupRole.Coach)
            .Join(db.Groups, m => m.GroupId, g => g.Id, (_, g) => g)
            .OrderBy(g => g.Name)
            .ToListAsync();
    }

    /// <summary>Schedules a session; the start is entered in the coach's time zone. Returns the errors by field, or the session.</summary>
    public async Task<(LiveSession? Session, Dictionary<string, string> Errors)> ScheduleAsync(ScheduleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string>();
        var account = await current.GetAsync();
        var standing = await access.ForGroupIdAsync(input.GroupId);
        if (account is null || standing is null || !standing.IsMember || standing.Membership!.Role != GroupRole.Coach)
        {
            errors["GroupId"] = "You can schedule sessions only in groups you coach.";
            return (null, errors);
        }
        var title = input.Title?.Trim() ?? "";
        var description = (input.Description ?? "").Trim().ReplaceLineEndings("\n");
        if (title.Length == 0)
        {
            errors["Title"] = "Please give the session a title.";
        }
        else if (title.Length > LiveSessionOptions.TitleMax)
        {
            errors["Title"] = $"Please keep the title under {LiveSessionOptions.TitleMax} characters.";
        }
        if (description.Length > LiveSessionOptions.DescriptionMax)
        {
            errors["Description"] = $"Please keep the description under {LiveSessionOptions.DescriptionMax:N0} characters.";
        }
        if (input.DurationMinutes is not (>= LiveSessionOptions.MinDuration and <= LiveSessionOptions.MaxDuration))
        {
            errors["DurationMinutes"] = $"Please choose a length between {LiveSessionOptions.MinDuration} and {LiveSessionOptions.MaxDuration} minutes.";
        }
        if (input.Capacity is not (>= LiveSessionOptions.MinCapacity and <= LiveSessionOptions.MaxCapacity))
        {
            errors["Capacity"] = $"Please choose a number of places between {LiveSessionOptions.MinCapacity} and {LiveSessionOptions.MaxCapacity}.";
        }
        TimeZoneInfo? zone = null;
        if (string.IsNullOrEmpty(input.TimeZoneId) || !TimeZoneInfo.TryFindSystemTimeZoneById(input.TimeZoneId, out zone))
        {
            errors["TimeZoneId"] = "Please choose your time zone from the list.";
        }
        DateTimeOffset startsAt = default;
        if (input.Date is null || input.Time is null)
        {
            errors["Date"] = "Please give the date and time it starts.";
        }
        else if (zone is not null)
        {
            var local = input.Date.Value.ToDateTime(input.Time.Value, DateTimeKind.Unspecified);
            if (input.Date.Value.Year > clock.GetUtcNow().Year + 2)
            {
                // Sessions are planned weeks ahead; this also keeps a typed year 9999 off the calendar's edge.
                errors["Date"] = "Please choose a date within the next two years.";
            }
            else if (zone.IsInvalidTime(local))
            {
                errors["Date"] = $"{input.Time:HH:mm} does not exist on that day in {zone.Id}: the clocks change. Please choose another time.";
            }
            else
            {
                // An hour that happens twice (clocks going back) is taken the first time it happens.
                var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
                startsAt = new DateTimeOffset(local, offset).ToUniversalTime();
                if (startsAt < clock.GetUtcNow().AddMinutes(5))
                {
                    errors["Date"] = "Please choose a start at least five minutes from now.";
                }
            }
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var room = new ChatRoom { GroupId = input.GroupId, Kind = ChatRoomKind.Session, CreatedAt = now };
        db.ChatRooms.Add(room);
        await db.SaveChangesAsync();
        var session = new LiveSession
        {
            GroupId = input.GroupId,
            RoomId = room.Id,
            HostId = account!.UserId,
            Title = title,
            Description = description,
            StartsAt = startsAt,
            DurationMinutes = input.DurationMinutes!.Value,
            TimeZoneId = zone!.Id,
            Capacity = input.Capacity!.Value,
            CreatedAt = now,
        };
        db.LiveSessions.Add(session);
        await db.SaveChangesAsync();
        await audit.AppendAsync(new AuditLog.Entry(account.UserId, "session.schedule", AuditTarget, session.Id.ToString(CultureInfo.InvariantCulture), session.GroupId,
            null, $"{title}; starts {startsAt:O}; {session.DurationMinutes} min; {session.Capacity} places"));
        await transaction.CommitAsync();
        return (session, errors);
    }

    /// <summary>The session, if the signed-in member may see it: the group's members, its host and moderators.</summary>
    public async Task<Viewer?> ViewAsync(int sessionId)
    {
        var session = await db.LiveSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId);
        if (session is null || await access.ForGroupIdAsync(session.GroupId) is not { } standing)
        {
            return null;
        }
        var viewer = new Viewer(session, standing);
        return standing.IsMember || standing.IsSiteModerator || viewer.IsHost ? viewer : null;
    }

    /// <summary>Going or not. Past capacity, "going" joins the waitlist; a place given up goes to the first on it.</summary>
    public async Task<(RsvpResponse? Response, string? Error)> AnswerAsync(int sessionId, bool going)
    {
        if (await ViewAsync(sessionId) is not { } viewer || viewer.Standing.UserId is not { } userId)
        {
            return (null, "There is no such session.");
        }
        if (!viewer.Standing.IsMember)
        {
            return (null, "Join the group to take part in its sessions.");
        }
        if (viewer.Session.Status is LiveSessionStatus.Ended or LiveSessionStatus.Cancelled)
        {
            return (null, "This session is over.");
        }
        if (viewer.IsHost)
        {
            return (null, "You are hosting this session.");
        }
        RsvpResponse response;
        string? promoted;
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var answer = await db.SessionRsvps.SingleOrDefaultAsync(r => r.SessionId == sessionId && r.UserId == userId);
            var wasGoing = answer?.Response == RsvpResponse.Going;
            if (going)
            {
                if (answer?.Response is RsvpResponse.Going or RsvpResponse.Waitlisted)
                {
                    return (answer.Response, null);
                }
                var taken = await db.SessionRsvps.CountAsync(r => r.SessionId == sessionId && r.Response == RsvpResponse.Going);
                response = taken < viewer.Session.Capacity ? RsvpResponse.Going : RsvpResponse.Waitlisted;
            }
            else
            {
                response = RsvpResponse.NotGoing;
            }
            if (answer is null)
            {
                db.SessionRsvps.Add(new SessionRsvp { SessionId = sessionId, UserId = userId, Response = response, AnsweredAt = clock.GetUtcNow() });
            }
            else
            {
                answer.Response = response;
                answer.AnsweredAt = clock.GetUtcNow();
            }
            await db.SaveChangesAsync();
            promoted = wasGoing && !going ? await PromoteAsync(viewer.Session) : null;
            await transaction.CommitAsync();
        }
        if (promoted is not null)
        {
            await notifications.NotifyAsync(promoted, NotificationKind.SessionUpdate, viewer.Session.Title,
                "A place came free and it is yours: you are going. If you can't make it after all, please say so on the session's page so someone else can come.",
                url: $"/sessions/{sessionId}");
        }
        return (response, null);
    }

    /// <summary>Moves the first member on the waitlist up to going, if there is a place; returns who.</summary>
    private async Task<string?> PromoteAsync(LiveSession session)
    {
        var taken = await db.SessionRsvps.CountAsync(r => r.SessionId == session.Id && r.Response == RsvpResponse.Going);
        if (taken >= session.Capacity)
        {
            return null;
        }
        var next = await db.SessionRsvps.Where(r => r.SessionId == session.Id && r.Response == RsvpResponse.Waitlisted)
            .OrderBy(r => r.AnsweredAt).ThenBy(r => r.UserId).FirstOrDefaultAsync();
        if (next is null)
        {
            return null;
        }
        next.Response = RsvpResponse.Going;
        await db.SaveChangesAsync();
        return next.UserId;
    }

    public sealed record Counts(int Going, int Waitlisted, int? WaitlistPosition);

    public async Task<Counts> CountsAsync(int sessionId, string? userId)
    {
        var rows = await db.SessionRsvps.AsNoTracking().Where(r => r.SessionId == sessionId && r.Response != RsvpResponse.NotGoing)
            .OrderBy(r => r.AnsweredAt).ThenBy(r => r.UserId).Select(r => new { r.UserId, r.Response }).ToListAsync();
        var waitlist = rows.Where(r => r.Response == RsvpResponse.Waitlisted).Select(r => r.UserId).ToList();
        var position = userId is null ? -1 : waitlist.IndexOf(userId);
        return new Counts(rows.Count(r => r.Response == RsvpResponse.Going), waitlist.Count, position < 0 ? null : position + 1);
    }

    // ---------- host controls ----------

    public Task<string?> OpenAsync(int sessionId) => HostActAsync(sessionId, "session.open", null, (_, session) =>
    {
        if (session.Status != LiveSessionStatus.Scheduled)
        {
            return Task.FromResult<string?>("Only a scheduled session can be opened.");
        }
        if (clock.GetUtcNow() < session.StartsAt.AddMinutes(-30))
        {
            return Task.FromResult<string?>("The room can be opened from 30 minutes before the start.");
        }
        session.Status = LiveSessionStatus.Open;
        session.OpenedAt = clock.GetUtcNow();
        return Task.FromResult<string?>(null);
    });

    public async Task<string?> EndAsync(int sessionId)
    {
        var error = await HostActAsync(sessionId, "session.end", null, (_, session) =>
        {
            if (session.Status != LiveSessionStatus.Open)
            {
                return Task.FromResult<string?>("Only an open session can be ended.");
            }
            session.Status = LiveSessionStatus.Ended;
            session.EndedAt = clock.GetUtcNow();
            return Task.FromResult<string?>(null);
        });
        if (error is null && await db.LiveSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId) is { } ended)
        {
            await eviction.FromRoomAsync(null, ended.RoomId,
                $"The session has ended. Thank you for coming. Its transcript stays readable to those who attended for {options.Value.TranscriptDays} days.");
        }
        return error;
    }

    public async Task<string?> CancelAsync(int sessionId, string? reason)
    {
        reason = reason?.Trim();
        if (reason is { Length: > 500 })
        {
            return "Please keep the reason under 500 characters.";
        }
        var error = await HostActAsync(sessionId, "session.cancel", reason, (_, session) =>
        {
            if (session.Status != LiveSessionStatus.Scheduled)
            {
                return Task.FromResult<string?>("Only a session that has not started can be cancelled.");
            }
            session.Status = LiveSessionStatus.Cancelled;
            return Task.FromResult<string?>(null);
        });
        if (error is null)
        {
            var session = await db.LiveSessions.AsNoTracking().SingleAsync(s => s.Id == sessionId);
            var told = await db.SessionRsvps.Where(r => r.SessionId == sessionId && r.Response != RsvpResponse.NotGoing).Select(r => r.UserId).ToListAsync();
            foreach (var userId in told)
            {
                await notifications.NotifyAsync(userId, NotificationKind.SessionUpdate, session.Title,
                    "This session is cancelled." + (string.IsNullOrEmpty(reason) ? "" : " " + reason), url: $"/sessions/{sessionId}");
            }
        }
        return error;
    }

    public Task<string?> SetSlowModeAsync(int sessionId, int seconds) => HostActAsync(sessionId, "session.slow-mode", $"{seconds} seconds", (_, session) =>
    {
        if (seconds is < 0 or > LiveSessionOptions.MaxSlowModeSeconds)
        {
            return Task.FromResult<string?>($"Slow mode is between 0 (off) and {LiveSessionOptions.MaxSlowModeSeconds} seconds.");
        }
        session.SlowModeSeconds = seconds;
        return Task.FromResult<string?>(null);
    });

    public Task<string?> SetAnnouncementOnlyAsync(int sessionId, bool on) => HostActAsync(sessionId, on ? "session.announcement-on" : "session.announcement-off", null, (_, session) =>
    {
        session.AnnouncementOnly = on;
        return Task.FromResult<string?>(null);
    });

    public Task<string?> SetLateJoinerPrivacyAsync(int sessionId, bool on) => HostActAsync(sessionId, on ? "session.privacy-on" : "session.privacy-off", null, (_, session) =>
    {
        session.LateJoinerPrivacy = on;
        return Task.FromResult<string?>(null);
    });

    public Task<string?> PinAsync(int sessionId, long? messageId) => HostActAsync(sessionId, messageId is null ? "session.unpin" : "session.pin",
        messageId?.ToString(CultureInfo.InvariantCulture), async (_, session) =>
        {
            if (messageId is { } id && !await db.ChatMessages.AnyAsync(m => m.Id == id && m.RoomId == session.RoomId && m.State == ContentState.Visible))
            {
                return "That message is not in this session.";
            }
            session.PinnedMessageId = messageId;
            return null;
        });

    public Task<string?> MuteAsync(int sessionId, string userId, bool muted) => HostActAsync(sessionId, muted ? "session.mute" : "session.unmute", null, async (_, session) =>
    {
        if (userId == session.HostId)
        {
            return "The host can't be muted.";
        }
        var attendance = await db.SessionAttendances.SingleOrDefaultAsync(a => a.SessionId == session.Id && a.UserId == userId && a.RemovedAt == null);
        if (attendance is null)
        {
            return "That member is not in this session.";
        }
        attendance.Muted = muted;
        return null;
    }, userId);

    public async Task<string?> RemoveAsync(int sessionId, string userId, string? reason)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return "Please give a short reason: the member will see it.";
        }
        if (reason.Length > 500)
        {
            return "Please keep the reason under 500 characters.";
        }
        var error = await HostActAsync(sessionId, "session.remove", reason, async (_, session) =>
        {
            if (userId == session.HostId)
            {
                return "The host can't be removed from their own session.";
            }
            var attendance = await db.SessionAttendances.SingleOrDefaultAsync(a => a.SessionId == session.Id && a.UserId == userId && a.RemovedAt == null);
            if (attendance is null)
            {
                return "That member is not in this session.";
            }
            attendance.RemovedAt = clock.GetUtcNow();
            attendance.RemovedReason = reason;
            return null;
        }, userId);
        if (error is null)
        {
            var session = await db.LiveSessions.AsNoTracking().SingleAsync(s => s.Id == sessionId);
            await eviction.FromRoomAsync(userId, session.RoomId, "The host removed you from this session: " + reason);
            await notifications.NotifyAsync(userId, NotificationKind.SessionUpdate, session.Title,
                "The host removed you from this session. Reason: " + reason, url: $"/sessions/{sessionId}");
        }
        return error;
    }

    /// <summary>
    /// Runs one host action: checks the caller may host this session, applies it, audits it with
    /// the change in one save, counts the change, then tells the room the settings as they now are.
    /// </summary>
    private async Task<string?> HostActAsync(int sessionId, string action, string? detail, Func<Viewer, LiveSession, Task<string?>> apply, string? targetUserId = null)
    {
        if (await ViewAsync(sessionId) is not { } viewer || !viewer.CanHost)
        {
            return "Only the session's host can do that.";
        }
        var session = await db.LiveSessions.SingleAsync(s => s.Id == sessionId);
        if (await apply(viewer, session) is { } error)
        {
            db.ChangeTracker.Clear();
            return error;
        }
        await audit.AppendAsync(new AuditLog.Entry(viewer.Standing.UserId!, action, targetUserId is null ? AuditTarget : ModerationTargets.Profile,
            targetUserId ?? sessionId.ToString(CultureInfo.InvariantCulture), session.GroupId, detail,
            $"session={sessionId.ToString(CultureInfo.InvariantCulture)}; {session.Title}"));
        // Counted after the change is stored, never before: a state read in between would carry the
        // new version without the change.
        await db.LiveSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(u => u.SetProperty(s => s.StateVersion, s => s.StateVersion + 1));
        try
        {
            await broadcast.SessionStateAsync(session.RoomId, await chat.SessionStateAsync(sessionId));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not tell session {SessionId}'s room about a change.", sessionId);
        }
        return null;
    }

    // ---------- background work ----------

    /// <summary>Reminds everyone going, once, shortly before the start. Returns how many were reminded.</summary>
    public async Task<int> SendRemindersAsync()
    {
        var now = clock.GetUtcNow();
        var soon = now + options.Value.ReminderBefore;
        var due = await db.LiveSessions.Where(s => s.Status != LiveSessionStatus.Cancelled && s.Status != LiveSessionStatus.Ended
            && s.ReminderSentAt == null && s.StartsAt <= soon && s.StartsAt > now.AddMinutes(-5)).ToListAsync();
        var reminded = 0;
        foreach (var session in due)
        {
            session.ReminderSentAt = now;
            await db.SaveChangesAsync();
            var going = await db.SessionRsvps.Where(r => r.SessionId == session.Id && r.Response == RsvpResponse.Going).Select(r => r.UserId).ToListAsync();
            foreach (var userId in going.Append(session.HostId).Distinct())
            {
                await notifications.NotifyAsync(userId, NotificationKind.SessionReminder, session.Title,
                    $"Starts in about {Math.Max(1, (int)Math.Round((session.StartsAt - now).TotalMinutes))} minutes. The room opens when the host opens it.",
                    url: $"/sessions/{session.Id}");
                reminded++;
            }
        }
        return reminded;
    }

    /// <summary>Deletes the messages of sessions whose transcript retention is over. Returns how many messages went.</summary>
    public async Task<int> DeleteExpiredTranscriptsAsync()
    {
        var cutoff = clock.GetUtcNow().AddDays(-options.Value.TranscriptDays);
        var expired = await db.LiveSessions.Where(s => s.Status == LiveSessionStatus.Ended && s.EndedAt < cutoff && s.TranscriptDeletedAt == null).ToListAsync();
        var deleted = 0;
        foreach (var session in expired)
        {
            session.PinnedMessageId = null;
            session.TranscriptDeletedAt = clock.GetUtcNow();
            await db.SaveChangesAsync();
            deleted += await db.ChatMessages.Where(m => m.RoomId == session.RoomId).ExecuteDeleteAsync();
        }
        if (expired.Count > 0)
        {
            logger.LogInformation("Deleted the transcripts of {Sessions} sessions ({Messages} messages), their {Days} days over.", expired.Count, deleted, options.Value.TranscriptDays);
        }
        return deleted;
    }
}
