using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Privacy;

namespace OffBenzos.Community.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Deleting the account (which is also how consent is withdrawn): passphrase, a choice about posts, a grace period.</summary>
public sealed class DeleteAccountModel(UserManager<CommunityUser> users, SignInManager<CommunityUser> signIn, AccountErasure erasure, IOptions<PrivacyOptions> options) : PageModel
{
    [BindProperty]
    public string? Passphrase { get; set; }

    /// <summary>"keep" or "remove"; no default, so it is a real choice.</summary>
    [BindProperty]
    public string? Posts { get; set; }

    public Dictionary<string, string> Errors { get; } = [];
    public DateTimeOffset? DueAt { get; private set; }
    public int GraceDays => options.Value.DeletionGraceDays;

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (Posts is not ("keep" or "remove"))
        {
            Errors["Posts"] = "Please choose what happens to your posts.";
        }
        if (string.IsNullOrEmpty(Passphrase))
        {
            Errors["Passphrase"] = "Please enter your passphrase.";
        }
        if (Errors.Count == 0 && await erasure.RequestAsync(user, Passphrase, keepPosts: Posts == "keep") is { } error)
        {
            Errors["Passphrase"] = error;
        }
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        DueAt = user.DeletionDueAt;
        await signIn.SignOutAsync();
        return Page();
    }
}
