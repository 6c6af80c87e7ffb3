using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Data;

namespace OffBenzos.Community.Web.Pages;

/// <summary>The members you have blocked, with a way to unblock each.</summary>
[Authorize]
public sealed class BlocksModel(CommunityDb db, BlockService blocks, UserManager<CommunityUser> users) : PageModel
{
    public sealed record Row(string UserId, string DisplayName, DateTimeOffset Since);

    public IReadOnlyList<Row> Blocked { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync()
    {
        var me = users.GetUserId(User)!;
        Blocked = await db.MemberBlocks.AsNoTracking().Where(b => b.BlockerId == me)
            .Join(db.Users, b => b.BlockedId, u => u.Id, (b, u) => new { u.Id, u.DisplayName, b.At })
            .OrderBy(r => r.DisplayName)
            .Select(r => new Row(r.Id, r.DisplayName, r.At))
            .ToListAsync();
    }

    public async Task<IActionResult> OnPostUnblockAsync(string userId)
    {
        await blocks.SetAsync(users.GetUserId(User)!, userId, block: false);
        StatusMessage = "Unblocked.";
        return RedirectToPage();
    }
}
