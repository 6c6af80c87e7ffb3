using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Web;

namespace OffBenzos.Community.Web.Areas.Identity.Pages.Account;

[EnableRateLimiting(WebUiSetup.AccountRateLimit)]
public sealed class ForgotPasswordModel(UserManager<CommunityUser> users, AccountService accounts) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Please enter your e-mail address.")]
    [EmailAddress(ErrorMessage = "That doesn't look like an e-mail address. Please check it.")]
    [StringLength(256)]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = "";

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is not null)
        {
            await accounts.SendPasswordResetAsync(user);
        }
        // The same page whether or not the address has an account.
        return RedirectToPage("ForgotPasswordConfirmation");
    }
}
