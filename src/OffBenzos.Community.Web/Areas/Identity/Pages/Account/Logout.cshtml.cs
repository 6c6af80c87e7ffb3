using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OffBenzos.Community.Web.Accounts;

namespace OffBenzos.Community.Web.Areas.Identity.Pages.Account;

/// <summary>Sign out is a POST (with antiforgery) so that no link or image can sign a member out.</summary>
public sealed class LogoutModel(SignInManager<CommunityUser> signIn) : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
