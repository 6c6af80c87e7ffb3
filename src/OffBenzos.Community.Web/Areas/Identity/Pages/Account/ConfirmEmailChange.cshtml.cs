using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OffBenzos.Community.Web.Accounts;

namespace OffBenzos.Community.Web.Areas.Identity.Pages.Account;

public sealed class ConfirmEmailChangeModel(UserManager<CommunityUser> users, SignInManager<CommunityUser> signIn, AccountService accounts) : PageModel
{
    public bool Changed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? userId, string? email, string? code)
    {
        if (userId is null || email is null || code is null)
        {
            return RedirectToPage("/Index", new { area = "" });
        }
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Page();
        }
        var oldEmail = user.Email;
        var result = await users.ChangeEmailAsync(user, email, AccountService.Decode(code));
        if (result.Succeeded)
        {
            // The sign-in name is the e-mail address.
            Changed = (await users.SetUserNameAsync(user, email)).Succeeded;
            if (oldEmail is not null)
            {
                await accounts.SendEmailChangedNoticeAsync(oldEmail);
            }
            if (signIn.IsSignedIn(User) && users.GetUserId(User) == user.Id)
            {
                await signIn.RefreshSignInAsync(user);
            }
        }
        return Page();
    }
}
