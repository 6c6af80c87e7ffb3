using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Data;

namespace OffBenzos.Community.Web.Pages.Privacy;

/// <summary>Asked again when the health-data consent text changes: agree and go on, or leave (delete the account).</summary>
[Authorize]
public sealed class ConsentModel(CommunityDb db, UserManager<CommunityUser> users, SignInManager<CommunityUser> signIn, IOptions<CommunityOptions> options, TimeProvider clock) : PageModel
{
    public string Version => options.Value.HealthDataConsentVersion;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(bool agree)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (!agree)
        {
            Error = "Please tick the box to agree, or choose to delete your account.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        db.ConsentRecords.Add(new ConsentRecord { UserId = user.Id, Kind = ConsentKinds.HealthData, Version = Version, GivenAt = clock.GetUtcNow() });
        await db.SaveChangesAsync();
        // The cookie carries the version agreed to: refresh it so the next page goes straight through.
        await signIn.RefreshSignInAsync(user);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
