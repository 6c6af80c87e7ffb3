using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Moderation;

namespace OffBenzos.Community.Web.Pages.Appeals;

/// <summary>Appeal a decision about you, once, in a short text.</summary>
[Authorize]
public sealed class IndexModel(AppealService appeals, UserManager<CommunityUser> users) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Key { get; set; } = "";

    [BindProperty]
    public string? Text { get; set; }

    public AppealService.Decision Decision { get; private set; } = null!;
    public string? Error { get; private set; }
    public bool Sent { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await appeals.FindAsync(users.GetUserId(User)!, Key) is not { } decision)
        {
            return NotFound();
        }
        Decision = decision;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var me = users.GetUserId(User)!;
        if (await appeals.FindAsync(me, Key) is not { } decision)
        {
            return NotFound();
        }
        Decision = decision;
        Error = await appeals.AppealAsync(me, Key, Text);
        Sent = Error is null;
        return Page();
    }
}
