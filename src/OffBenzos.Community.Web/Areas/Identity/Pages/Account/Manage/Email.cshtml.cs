using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OffBenzos.Community.Web.Accounts;

namespace OffBenzos.Community.Web.Areas.Identity.Pages.Account.Manage;

public sealed class EmailModel(UserManager<CommunityUser> users, AccountService accounts) : PageModel
{
    public string CurrentEmail { get; private set; } = "";
    public bool IsConfirmed { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Please enter the new e-mail address.")]
    [EmailAddress(ErrorMessage = "That doesn't look like an e-mail address. Please check it.")]
    [StringLength(256)]
    [Display(Name = "New e-mail")]
    public string NewEmail { get; set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        Load(user);
        return Page();
    }

    public async Task<IActionResult> OnPostChangeAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (!ModelState.IsValid)
        {
            Load(user);
            return Page();
        }
        var newEmail = NewEmail.Trim();
        if (string.Equals(users.NormalizeEmail(newEmail), user.NormalizedEmail, StringComparison.Ordinal))
        {
            StatusMessage = "That is already your e-mail address.";
            return RedirectToPage();
        }
        // An address that belongs to another account gets no link, but the answer is the same.
        if (await users.FindByEmailAsync(newEmail) is null)
        {
            await accounts.SendEmailChangeConfirmationAsync(user, newEmail);
        }
        StatusMessage = "We've sent a confirmation link to the new address. Your e-mail changes when you open it.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResendAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (!user.EmailConfirmed)
        {
            await accounts.SendEmailConfirmationAsync(user);
        }
        StatusMessage = "A new confirmation link is on its way.";
        return RedirectToPage();
    }

    private void Load(CommunityUser user)
    {
        CurrentEmail = user.Email ?? "";
        IsConfirmed = user.EmailConfirmed;
    }
}
