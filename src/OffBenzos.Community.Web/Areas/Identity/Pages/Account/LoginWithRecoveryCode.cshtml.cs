using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Web;

namespace OffBenzos.Community.Web.Areas.Identity.Pages.Account;

[EnableRateLimiting(WebUiSetup.AccountRateLimit)]
public sealed class LoginWithRecoveryCodeModel(SignInManager<CommunityUser> signIn) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Please enter one of your recovery codes.")]
    [StringLength(32)]
    [Display(Name = "Recovery code")]
    public string RecoveryCode { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("Login");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(RecoveryCode.Replace(" ", "", StringComparison.Ordinal));
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        if (result.IsLockedOut)
        {
            return RedirectToPage("Lockout");
        }
        ModelState.AddModelError(nameof(RecoveryCode), "That recovery code didn't work. Each code works once; please try another.");
        return Page();
    }
}
