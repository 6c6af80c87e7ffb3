using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Authorization;
using OffBenzos.Community.Web.Data;

namespace OffBenzos.Community.Web.Accounts;

/// <summary>Members blocking members. Staff cannot be blocked: members must always see what moderators say.</summary>
public sealed class BlockService(CommunityDb db, TimeProvider clock)
{
    /// <summary>Whom the member blocked; every chat join and history page asks, so the query is compiled once.</summary>
    public Task<List<string>> BlockedByAsync(string blockerId) => BlockedOf(db, blockerId).ToListAsync().AsTask();

    private static readonly Func<CommunityDb, string, IAsyncEnumerable<string>> BlockedOf = EF.CompileAsyncQuery(
        (CommunityDb db, string blockerId) => db.MemberBlocks.Where(b => b.BlockerId == blockerId).Select(b => b.BlockedId));

    /// <summary>Blocks, or unblocks if already blocked. Returns an error message, or null.</summary>
    public async Task<string?> SetAsync(string blockerId, string blockedId, bool block)
    {
        if (blockerId == blockedId)
        {
            return "You can't block yourself.";
        }
        if (!block)
        {
            await db.MemberBlocks.Where(b => b.BlockerId == blockerId && b.BlockedId == blockedId).ExecuteDeleteAsync();
            return null;
        }
        var isStaff = await db.UserRoles.Where(ur => ur.UserId == blockedId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name)
            .AnyAsync(name => name == SiteRoles.Moderator || name == SiteRoles.Admin);
        if (isStaff)
        {
            return "Moderators can't be blocked, so that everyone always sees their notices. If a moderator worries you, please tell an admin.";
        }
        if (!await db.Users.AnyAsync(u => u.Id == blockedId))
        {
            return "That member no longer exists.";
        }
        if (!await db.MemberBlocks.AnyAsync(b => b.BlockerId == blockerId && b.BlockedId == blockedId))
        {
            db.MemberBlocks.Add(new MemberBlock { BlockerId = blockerId, BlockedId = blockedId, At = clock.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                // Pressed twice at once: blocked, as asked.
                db.ChangeTracker.Clear();
            }
        }
        return null;
    }
}
