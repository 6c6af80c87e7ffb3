using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Moderation;

namespace OffBenzos.Community.Web.Groups;

/// <summary>Joining and leaving groups, approving requests, group roles, and admins' group editing.</summary>
public sealed partial class GroupService(CommunityDb db, TimeProvider clock, AuditLog audit)
{
    public const int NameMax = 80;
    public const int DescriptionMax = 500;
    public const int RulesMax = 4000;

    /// <summary>Joins an open group at once, or asks to join one that needs approval. Idempotent.</summary>
    public async Task<MembershipState> JoinAsync(Group group, string userId)
    {
        ArgumentNullException.ThrowIfNull(group);
        var existing = await db.GroupMemberships.SingleOrDefaultAsync(m => m.GroupId == group.Id && m.UserId == userId);
        if (existing is not null)
        {
            return existing.State;
        }
        var now = clock.GetUtcNow();
        var open = group.JoinPolicy == GroupJoinPolicy.Open;
        db.GroupMemberships.Add(new GroupMembership
        {
            GroupId = group.Id,
            UserId = userId,
            State = open ? MembershipState.Active : MembershipState.Pending,
            RequestedAt = now,
            JoinedAt = open ? now : null,
        });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // The same member pressed Join twice at once: the first one counts.
            db.ChangeTracker.Clear();
        }
        return open ? MembershipState.Active : MembershipState.Pending;
    }

    public Task LeaveAsync(int groupId, string userId) =>
        db.GroupMemberships.Where(m => m.GroupId == groupId && m.UserId == userId).ExecuteDeleteAsync();

    public Task SetMutedAsync(int groupId, string userId, bool muted) =>
        db.GroupMemberships.Where(m => m.GroupId == groupId && m.UserId == userId)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.Muted, muted));

    /// <summary>A group moderator's (or site moderator's) decision on a request to join, recorded.</summary>
    public async Task<bool> DecideAsync(int groupId, string targetUserId, bool approve, string actorId)
    {
        var request = await db.GroupMemberships.SingleOrDefaultAsync(m => m.GroupId == groupId && m.UserId == targetUserId && m.State == MembershipState.Pending);
        if (request is null)
        {
            return false;
        }
        if (approve)
        {
            request.State = MembershipState.Active;
            request.JoinedAt = clock.GetUtcNow();
        }
        else
        {
            db.GroupMemberships.Remove(request);
        }
        Record(groupId, actorId, targetUserId, approve ? "approved" : "declined");
        await audit.AppendAsync(new AuditLog.Entry(actorId, approve ? "group.approve" : "group.decline", "profile", targetUserId, groupId));
        return true;
    }

    /// <summary>Sets an active member's group role, recorded. Returns an error message, or null.</summary>
    public async Task<string?> SetRoleAsync(int groupId, string targetUserId, GroupRole role, string actorId)
    {
        if (!Enum.IsDefined(role))
        {
            return "Please choose member, moderator or coach.";
        }
        var membership = await db.GroupMemberships.SingleOrDefaultAsync(m => m.GroupId == groupId && m.UserId == targetUserId && m.State == MembershipState.Active);
        if (membership is null)
        {
            return "That person is not a member of this group.";
        }
        if (membership.Role == role)
        {
            return null;
        }
        var before = membership.Role;
        membership.Role = role;
        Record(groupId, actorId, targetUserId, "role:" + role);
        await audit.AppendAsync(new AuditLog.Entry(actorId, "group.role", "profile", targetUserId, groupId, role.ToString(), $"role={before}"));
        return null;
    }

    private void Record(int groupId, string actorId, string targetUserId, string change) =>
        db.GroupRoleChanges.Add(new GroupRoleChange
        {
            GroupId = groupId,
            ActorId = actorId,
            TargetUserId = targetUserId,
            Change = change,
            At = clock.GetUtcNow(),
        });

    /// <summary>Checks an admin's group form; returns field → message for each problem.</summary>
    public async Task<Dictionary<string, string>> ValidateAsync(int? id, string name, string slug, string description, string rules)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMax)
        {
            errors["Name"] = $"Please give the group a name of up to {NameMax} characters.";
        }
        if (!SlugPattern().IsMatch(slug ?? ""))
        {
            errors["Slug"] = "The address may use lower-case letters, digits and single hyphens, 3 to 60 characters, like tapering-together.";
        }
        else if (await db.Groups.AnyAsync(g => g.Slug == slug && g.Id != id))
        {
            errors["Slug"] = "Another group already has this address.";
        }
        if (string.IsNullOrWhiteSpace(description) || description.Trim().Length > DescriptionMax)
        {
            errors["Description"] = $"Please describe the group in up to {DescriptionMax} characters.";
        }
        if ((rules ?? "").Length > RulesMax)
        {
            errors["Rules"] = $"Please keep the rules under {RulesMax} characters.";
        }
        return errors;
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,59}$")]
    private static partial Regex SlugPattern();
}
