using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Authorization;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Groups;

namespace OffBenzos.Community.Web.Moderation;

/// <summary>
/// Which review items the current user may see and decide: site moderators (with two-factor) all of
/// them, group moderators those of their own groups, everyone else none. Nobody sees an item about their
/// own words, profile or appeal, nor an appeal against their own decision: another moderator decides those.
/// </summary>
public sealed class ModeratorScope(CommunityDb db, CurrentAccount current)
{
    public sealed record Scope(string UserId, bool IsSiteModerator, IReadOnlyList<int> GroupIds)
    {
        public bool Any => IsSiteModerator || GroupIds.Count > 0;

        public bool Covers(ReviewItem item) =>
            item.ExcludedModeratorId != UserId && item.AuthorId != UserId && (IsSiteModerator || (item.GroupId is { } groupId && GroupIds.Contains(groupId)));
    }

    public async Task<Scope?> GetAsync()
    {
        var account = await current.GetAsync();
        if (account is null)
        {
            return null;
        }
        var isSite = account.TwoFactorEnabled && (account.Roles.Contains(SiteRoles.Moderator) || account.Roles.Contains(SiteRoles.Admin));
        var groups = isSite ? [] : await db.GroupMemberships
            .Where(m => m.UserId == account.UserId && m.State == MembershipState.Active && m.Role == GroupRole.Moderator)
            .Select(m => m.GroupId).ToListAsync();
        return new Scope(account.UserId, isSite, groups);
    }

    /// <summary>The open or resolved items this scope covers, as a query to refine.</summary>
    public static IQueryable<ReviewItem> Filter(IQueryable<ReviewItem> items, Scope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var userId = scope.UserId;
        items = items.Where(i => (i.ExcludedModeratorId == null || i.ExcludedModeratorId != userId) && (i.AuthorId == null || i.AuthorId != userId));
        if (scope.IsSiteModerator)
        {
            return items;
        }
        var groups = scope.GroupIds.ToList();
        return items.Where(i => i.GroupId != null && groups.Contains(i.GroupId.Value));
    }
}
