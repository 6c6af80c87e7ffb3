using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OffBenzos.Community.Web.Authorization;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Groups;

namespace OffBenzos.Community.Web.Chat;

/// <summary>This process's name among the instances, for its presence rows.</summary>
public sealed class ChatInstance
{
    public string Id { get; } = Environment.MachineName + ":" + Guid.NewGuid().ToString("N")[..12];
}

/// <summary>Who is in which room, shared by all instances through the database.</summary>
public sealed class ChatPresenceStore(CommunityDb db, ChatInstance instance, IOptions<ChatOptions> options, TimeProvider clock)
{
    public async Task EnterAsync(string connectionId, int roomId, string userId)
    {
        var now = clock.GetUtcNow();
        var row = await db.ChatPresences.SingleOrDefaultAsync(p => p.ConnectionId == connectionId && p.RoomId == roomId);
        if (row is null)
        {
            db.ChatPresences.Add(new ChatPresence { ConnectionId = connectionId, RoomId = roomId, UserId = userId, InstanceId = instance.Id, JoinedAt = now, SeenAt = now });
        }
        else
        {
            row.SeenAt = now;
        }
        await db.SaveChangesAsync();
        if (row is null)
        {
            await ChangedAsync([roomId]); // an arrival; a rejoin on the same connection changes nobody
        }
    }

    public Task<bool> IsInRoomAsync(string connectionId, int roomId) =>
        db.ChatPresences.AnyAsync(p => p.ConnectionId == connectionId && p.RoomId == roomId);

    /// <summary>Leaves one room, or every room when <paramref name="roomId"/> is null; returns the rooms left.</summary>
    public async Task<IReadOnlyList<int>> LeaveAsync(string connectionId, int? roomId = null)
    {
        // Plain variables for EF: an expression over local values is compiled at every execution.
        var everyRoom = roomId == null;
        var rows = db.ChatPresences.Where(p => p.ConnectionId == connectionId && (everyRoom || p.RoomId == roomId));
        var rooms = await rows.Select(p => p.RoomId).Distinct().ToListAsync();
        await rows.ExecuteDeleteAsync();
        await ChangedAsync(rooms);
        return rooms;
    }

    /// <summary>
    /// Each member once, with their role in the group (moderator, coach) when they have one, and the
    /// room's presence version read first. Every change is stored before its version is counted, so a
    /// list is at least as new as its version, and the last change's list carries the highest.
    /// </summary>
    public async Task<ChatPresenceList> InRoomAsync(int roomId)
    {
        var since = clock.GetUtcNow() - options.Value.PresenceTimeout;
        var room = await db.ChatRooms.Where(r => r.Id == roomId).Select(r => new { r.GroupId, r.PresenceVersion }).SingleAsync();
        var groupId = room.GroupId;
        var rows = await db.ChatPresences.AsNoTracking()
            .Where(p => p.RoomId == roomId && p.SeenAt > since)
            .Select(p => p.UserId).Distinct()
            .Join(db.Users, id => id, u => u.Id, (id, u) => new { u.Id, u.DisplayName })
            .ToListAsync();
        var ids = rows.Select(r => r.Id).ToList();
        var groupRoles = await db.GroupMemberships.AsNoTracking()
            .Where(m => m.GroupId == groupId && ids.Contains(m.UserId) && m.Role != GroupRole.Member)
            .ToDictionaryAsync(m => m.UserId, m => m.Role);
        var staff = await db.UserRoles.AsNoTracking().Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .Where(x => x.Name == SiteRoles.Moderator || x.Name == SiteRoles.Admin)
            .Select(x => x.UserId).Distinct().ToListAsync();
        var people = rows
            .Select(r => new ChatPresenceView(r.Id, r.DisplayName,
                groupRoles.TryGetValue(r.Id, out var role) ? (role == GroupRole.Coach ? "coach" : "moderator")
                : staff.Contains(r.Id) ? "moderator" : null))
            .OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        return new ChatPresenceList(room.PresenceVersion, people);
    }

    /// <summary>A member's connections (everyone's when <paramref name="userId"/> is null) in the rooms of one group, or in every room.</summary>
    public async Task<IReadOnlyList<(string ConnectionId, int RoomId)>> ConnectionsOfAsync(string? userId, int? groupId = null, int? roomId = null)
    {
        var (everyone, everyRoom, everyGroup) = (userId == null, roomId == null, groupId == null);
        var rows = await db.ChatPresences.AsNoTracking().Where(p => (everyone || p.UserId == userId) && (everyRoom || p.RoomId == roomId))
            .Join(db.ChatRooms, p => p.RoomId, r => r.Id, (p, r) => new { p.ConnectionId, p.RoomId, r.GroupId })
            .Where(x => everyGroup || x.GroupId == groupId)
            .ToListAsync();
        return rows.Select(r => (r.ConnectionId, r.RoomId)).ToList();
    }

    /// <summary>Marks this instance's connections as still here; forgets rows no instance refreshed in time. Returns the rooms that changed.</summary>
    public async Task<IReadOnlyList<int>> RefreshAsync()
    {
        var now = clock.GetUtcNow();
        await db.ChatPresences.Where(p => p.InstanceId == instance.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.SeenAt, now));
        var staleBefore = now - options.Value.PresenceTimeout;
        var stale = db.ChatPresences.Where(p => p.SeenAt < staleBefore);
        var rooms = await stale.Select(p => p.RoomId).Distinct().ToListAsync();
        await stale.ExecuteDeleteAsync();
        await ChangedAsync(rooms);
        return rooms;
    }

    /// <summary>
    /// Counts a change to who is in these rooms, after the change is stored (never before: a list read
    /// in between would carry the new version without the change).
    /// </summary>
    private async Task ChangedAsync(List<int> rooms)
    {
        if (rooms.Count > 0)
        {
            await db.ChatRooms.Where(r => rooms.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.PresenceVersion, r => r.PresenceVersion + 1));
        }
    }
}
