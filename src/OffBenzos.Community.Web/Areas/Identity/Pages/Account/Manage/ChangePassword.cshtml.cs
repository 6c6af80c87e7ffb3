using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Moderation;

namespace OffBenzos.Community.Web.Areas.Identity.Pages.Account.Manage;

public sealed class ChangePasswordModel(UserManager<CommunityUser> users, SignInManager<CommunityUser> signIn, SessionTerminator sessions) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Please enter your current passphrase.")]
        [StringLength(PassphraseValidator.MaxLength)]
        [DataType(DataType.Password)]
        [Display(Name = "Current passphrase")]
        public string OldPassword { get; set; } = "";

        [Required(ErrorMessage = "Please choose a new passphrase.")]
        [StringLength(PassphraseValidator.MaxLength, MinimumLength = PassphraseValidator.MinLength,
            ErrorMessage = "Your passphrase needs at least {2} characters (up to {1}). A few unrelated words work well.")]
        [DataType(DataType.Password)]
        [Display(Name = "New passphrase")]
        public string NewPassword { get; set; } = "";

        [DataType(DataType.Password)]
        [Display(Name = "New passphrase again")]
        [Compare(nameof(NewPassword), ErrorMessage = "The two passphrases don't match. Please type them again.")]
        public string ConfirmPassword { get; set; } = "";
    }

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var result = await users.ChangePasswordAsync(user, Input.OldPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Input.OldPassword" : "Input.NewPassword",
                    error.Code == "PasswordMismatch" ? "That isn't your current passphrase." : error.Description);
            }
            return Page();
        }
        // The security stamp changed: other devices' cookies are refused at their next check, and every
        // live connection ends now (this page's own open again with the next page); this device stays signed in.
        await signIn.RefreshSignInAsync(user);
        await sessions.EndAsync(user.Id);
        StatusMessage = "Your passphrase is changed. Other devices will be signed out within a minute, and their live chat ends now.";
        return RedirectToPage();
    }
}
