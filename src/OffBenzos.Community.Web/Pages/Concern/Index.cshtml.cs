using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Authorization;
using OffBenzos.Community.Web.Crisis;
using OffBenzos.Community.Web.Data;

namespace OffBenzos.Community.Web.Pages.Concern;

/// <summary>"I'm worried about this member."</summary>
[Authorize(Policy = Policies.ConfirmedMember)]
public sealed class IndexModel(CommunityDb db, ConcernService concerns, UserManager<CommunityUser> users) : PageModel
{
    public string PersonName { get; private set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public string? Error { get; private set; }
    public bool Sent { get; private set; }

    public async Task<IActionResult> OnGetAsync(string userId) => await LoadAsync(userId) ?? Page();

    public async Task<IActionResult> OnPostAsync(string userId)
    {
        if (await LoadAsync(userId) is { } refusal)
        {
            return refusal;
        }
        var source = From is { Length: <= 40 } from && from.StartsWith("post:", StringComparison.Ordinal) ? from : null;
        Error = await concerns.ReportAsync(users.GetUserId(User)!, userId, source, Note);
        Sent = Error is null;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string userId)
    {
        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleOrDefaultAsync();
        if (name is null)
        {
            return NotFound();
        }
        PersonName = name;
        return null;
    }
}
