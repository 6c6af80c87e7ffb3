using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Authorization;
using OffBenzos.Community.Web.Data;

namespace OffBenzos.Community.Web.Groups;

/// <summary>
/// What the current reader may do in one group, decided on the server from the database: read its
/// threads, post, moderate. Every forum page and handler asks this before it acts.
/// </summary>
public sealed class GroupAccess(CommunityDb db, CurrentAccount current)
{
    public sealed record Standing(
        Group Group,
        string? UserId,
        GroupMembership? Membership,
        bool IsSiteModerator,
        bool EmailConfirmed,
        Moderation.Sanction? Silence = null)
    {
        public bool IsMember => Membership?.State == MembershipState.Active;
        public bool IsPending => Membership?.State == MembershipState.Pending;

        /// <summary>Public groups to everyone; members-only groups to their members and site staff.</summary>
        public bool CanRead => Group.Visibility == GroupVisibility.Public || IsMember || IsSiteModerator;

        /// <summary>Site moderators everywhere; group moderators in their own group.</summary>
        public bool CanModerate => IsSiteModerator || (IsMember && Membership!.Role == GroupRole.Moderator);

        /// <summary>Write (post, react, follow): a member of the group with a confirmed e-mail.</summary>
        public bool CanWrite => UserId is not null && EmailConfirmed && Silence is null && (IsMember || IsSiteModerator);

        /// <summary>Why <see cref="CanWrite"/> is false, in words for the composer; null when it is true.</summary>
        public string? WhyNotWrite =>
            CanWrite ? null
            : UserId is null ? "Sign in to write in this group."
            : !EmailConfirmed ? "Please confirm your e-mail address before you post: look for our e-mail, or ask for a new link on your account page."
            : Silence is not null ? Moderation.SanctionService.Describe(Silence) + " Reason: " + Silence.Reason
            : IsPending ? "Your request to join this group is waiting for its moderators. You can post once they approve it."
            : "Join this group to post in it.";
    }

    public async Task<Standing?> ForSlugAsync(string slug)
    {
        var account = await current.GetAsync();
        if (account is null)
        {
            var group = await db.Groups.AsNoTracking().SingleOrDefaultAsync(g => g.Slug == slug);
            return group is null ? null : new Standing(group, null, null, false, false);
        }
        // Every group page starts here: the group and the reader's membership in one compiled query.
        var found = await GroupAndMembership(db, slug, account.UserId);
        return found is null ? null : StandingOf(found.Group, account, found.Membership);
    }

    private sealed record GroupRow(Group Group, GroupMembership? Membership);

    // The membership joined on its key. (As a subquery for "the single membership", EF numbered all of the
    // reader's memberships with a window function to pick one: twice the statement's time in SQLite.)
    private static readonly Func<CommunityDb, string, string, Task<GroupRow?>> GroupAndMembership = EF.CompileAsyncQuery(
        (CommunityDb db, string slug, string userId) => (
            from g in db.Groups.AsNoTracking()
            where g.Slug == slug
            from m in db.GroupMemberships.Where(m => m.GroupId == g.Id && m.UserId == userId).DefaultIfEmpty()
            select new GroupRow(g, m))
            .SingleOrDefault());

    public async Task<Standing?> ForGroupIdAsync(int groupId)
    {
        var group = await db.Groups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == groupId);
        return group is null ? null : await ForAsync(group);
    }

    public async Task<Standing> ForAsync(Group group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var account = await current.GetAsync();
        if (account is null)
        {
            return new Standing(group, null, null, false, false);
        }
        var membership = await db.GroupMemberships.AsNoTracking()
            .SingleOrDefaultAsync(m => m.GroupId == group.Id && m.UserId == account.UserId);
        return StandingOf(group, account, membership);
    }

    private static Standing StandingOf(Group group, CurrentAccount.Standing account, GroupMembership? membership)
    {
        var isStaff = account.Roles.Contains(SiteRoles.Moderator) || account.Roles.Contains(SiteRoles.Admin);
        // Site moderation needs two-factor sign-in, as the staff policies do.
        return new Standing(group, account.UserId, membership, isStaff && account.TwoFactorEnabled, account.EmailConfirmed, account.Silence);
    }

    /// <summary>Ids of the groups whose threads the reader may see (for lists and search).</summary>
    public async Task<IReadOnlyList<int>> ReadableGroupIdsAsync()
    {
        var account = await current.GetAsync();
        if (account is not null && account.TwoFactorEnabled && (account.Roles.Contains(SiteRoles.Moderator) || account.Roles.Contains(SiteRoles.Admin)))
        {
            return await db.Groups.Select(g => g.Id).ToListAsync();
        }
        var userId = account?.UserId;
        return await db.Groups
            .Where(g => g.Visibility == GroupVisibility.Public
                || db.GroupMemberships.Any(m => m.GroupId == g.Id && m.UserId == userId && m.State == MembershipState.Active))
            .Select(g => g.Id)
            .ToListAsync();
    }
}
