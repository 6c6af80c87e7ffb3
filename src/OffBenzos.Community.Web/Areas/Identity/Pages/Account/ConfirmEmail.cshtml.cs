using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OffBenzos.Community.Web.Accounts;

namespace OffBenzos.Community.Web.Areas.Identity.Pages.Account;

public sealed class ConfirmEmailModel(UserManager<CommunityUser> users, SignInManager<CommunityUser> signIn, AccountService accounts) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? userId, string? code)
    {
        if (userId is null || code is null)
        {
            return RedirectToPage("/Index", new { area = "" });
        }
        var user = await users.FindByIdAsync(userId);
        if (user is not null)
        {
            Confirmed = (await accounts.ConfirmEmailAsync(user, code)).Succeeded;
            if (Confirmed && signIn.IsSignedIn(User) && users.GetUserId(User) == user.Id)
            {
                await signIn.RefreshSignInAsync(user);
            }
        }
        return Page();
    }
}
