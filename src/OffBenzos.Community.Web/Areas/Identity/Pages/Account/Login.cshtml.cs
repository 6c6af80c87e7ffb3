using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Moderation;
using OffBenzos.Community.Web.Web;

namespace OffBenzos.Community.Web.Areas.Identity.Pages.Account;

[EnableRateLimiting(WebUiSetup.AccountRateLimit)]
public sealed class LoginModel(SignInGuard guard, UserManager<CommunityUser> users, AccountService accounts, CommunitySignInManager signIn) : PageModel
{
    public const string WrongCredentials = "That e-mail and passphrase don't match an account. Please check both and try again.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Please enter your e-mail address.")]
        [EmailAddress(ErrorMessage = "That doesn't look like an e-mail address. Please check it.")]
        [StringLength(256)]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Please enter your passphrase.")]
        [StringLength(PassphraseValidator.MaxLength)]
        [DataType(DataType.Password)]
        [Display(Name = "Passphrase")]
        public string Password { get; set; } = "";

        [Display(Name = "Keep me signed in on this device")]
        public bool RememberMe { get; set; }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await guard.PasswordSignInAsync(Input.Email.Trim(), Input.Password, Input.RememberMe);
        if (result.Succeeded)
        {
            var user = await users.FindByEmailAsync(Input.Email.Trim());
            if (user is not null)
            {
                await accounts.PromoteConfiguredAdminAsync(user);
            }
            return LocalRedirect(SafeReturnUrl());
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("LoginWith2fa", new { ReturnUrl = SafeReturnUrl(), Input.RememberMe });
        }
        if (result.IsLockedOut)
        {
            return RedirectToPage("Lockout");
        }
        // Identity refuses a barred account before it looks at the passphrase, so the passphrase is
        // checked here: only its owner learns of the sanction and its reason; anyone guessing is told
        // what any wrong passphrase is told (and waits for the same hash).
        if (result.IsNotAllowed && await users.FindByEmailAsync(Input.Email.Trim()) is { } barred
            && await users.CheckPasswordAsync(barred, Input.Password)
            && await signIn.BarAsync(barred.Id) is { } bar)
        {
            TempData[SanctionGate.BarredMessageKey] = SanctionService.Describe(bar) + " Reason: " + bar.Reason;
            return Redirect(SanctionGate.BarredPath);
        }
        ModelState.AddModelError(string.Empty, WrongCredentials);
        return Page();
    }

    private string SafeReturnUrl() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
}
