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
public sealed class ResetPasswordModel(UserManager<CommunityUser> users, SessionTerminator sessions) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Please enter your e-mail address.")]
        [EmailAddress(ErrorMessage = "That doesn't look like an e-mail address. Please check it.")]
        [StringLength(256)]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Please choose a new passphrase.")]
        [StringLength(PassphraseValidator.MaxLength, MinimumLength = PassphraseValidator.MinLength,
            ErrorMessage = "Your passphrase needs at least {2} characters (up to {1}). A few unrelated words work well.")]
        [DataType(DataType.Password)]
        [Display(Name = "New passphrase")]
        public string Password { get; set; } = "";

        [DataType(DataType.Password)]
        [Display(Name = "New passphrase again")]
        [Compare(nameof(Password), ErrorMessage = "The two passphrases don't match. Please type them again.")]
        public string ConfirmPassword { get; set; } = "";

        [Required]
        public string Code { get; set; } = "";
    }

    private const string LinkRefused = "This reset link doesn't fit that e-mail address, or it has expired or was already used. Please check the address, or ask for a new link.";

    public IActionResult OnGet(string? code)
    {
        if (code is null)
        {
            return RedirectToPage("ForgotPassword");
        }
        Input.Code = code;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is null)
        {
            // The answer a real account gets for a link that is not its own: no one learns here whether an address has an account.
            ModelState.AddModelError(string.Empty, LinkRefused);
            return Page();
        }
        var result = await users.ResetPasswordAsync(user, AccountService.Decode(Input.Code), Input.Password);
        if (result.Succeeded)
        {
            // The security stamp changed, which signs out every device's cookie; their live connections end now too.
            await sessions.EndAsync(user.Id);
            return RedirectToPage("ResetPasswordConfirmation");
        }
        foreach (var error in result.Errors)
        {
            var message = error.Code == "InvalidToken" ? LinkRefused : error.Description;
            ModelState.AddModelError(error.Code.StartsWith("Passphrase", StringComparison.Ordinal) || error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : string.Empty, message);
        }
        return Page();
    }
}
