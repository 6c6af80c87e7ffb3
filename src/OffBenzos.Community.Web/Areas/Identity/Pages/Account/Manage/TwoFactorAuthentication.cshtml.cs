using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OffBenzos.Community.Web.Accounts;

namespace OffBenzos.Community.Web.Areas.Identity.Pages.Account.Manage;

public sealed class TwoFactorAuthenticationModel(UserManager<CommunityUser> users, SignInManager<CommunityUser> signIn) : PageModel
{
    public bool IsEnabled { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public bool IsMachineRemembered { get; private set; }
    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Required { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await signIn.RefreshSignInAsync(user);
        StatusMessage = "Two-factor sign-in is off. Staff pages stay closed until you turn it on again.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResetAuthenticatorAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        StatusMessage = "Your old authenticator no longer works. Set up the app again to turn two-factor sign-in back on.";
        return RedirectToPage("./EnableAuthenticator");
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            StatusMessage = "Error: turn on two-factor sign-in before making recovery codes.";
            return RedirectToPage();
        }
        NewRecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostForgetBrowserAsync()
    {
        await signIn.ForgetTwoFactorClientAsync();
        StatusMessage = "This browser will ask for a code at the next sign-in.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CommunityUser user)
    {
        IsEnabled = await users.GetTwoFactorEnabledAsync(user);
        RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
        IsMachineRemembered = await signIn.IsTwoFactorClientRememberedAsync(user);
    }
}
