using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OffBenzos.Community.Web.Accounts;

namespace OffBenzos.Community.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Invalidates every sign-in of this account, on every device, within the stamp check interval; live connections close at once.</summary>
public sealed class SignOutEverywhereModel(UserManager<CommunityUser> users, SignInManager<CommunityUser> signIn, Moderation.SessionTerminator sessions) : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        await users.UpdateSecurityStampAsync(user);
        // Open pages and chat connections end now, on every instance, not at their next request.
        await sessions.EndAsync(user.Id);
        await signIn.ForgetTwoFactorClientAsync();
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login", new { area = "Identity" });
    }
}
