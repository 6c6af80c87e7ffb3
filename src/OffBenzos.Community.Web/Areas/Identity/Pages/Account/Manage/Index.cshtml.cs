using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Crisis;

namespace OffBenzos.Community.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>The member's profile: display name, country, time zone, theme, chat sound.</summary>
public sealed class IndexModel(UserManager<CommunityUser> users, SignInManager<CommunityUser> signIn, AccountService accounts) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public static IReadOnlyList<string> TimeZones { get; } =
        TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal) || id == "UTC").Order(StringComparer.Ordinal).ToList();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Please choose a display name.")]
        [StringLength(120, ErrorMessage = "Display names need 3 to 30 characters.")]
        [Display(Name = "Display name")]
        public string DisplayName { get; set; } = "";

        [Display(Name = "Country")]
        public string? Country { get; set; }

        [Display(Name = "Time zone")]
        public string? TimeZone { get; set; }

        [Display(Name = "Theme")]
        public ThemePreference Theme { get; set; }

        [Display(Name = "Play a sound for new chat messages")]
        public bool ChatSound { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        Input = new InputModel
        {
            DisplayName = user.DisplayName,
            Country = user.CountryCode,
            TimeZone = user.TimeZoneId,
            Theme = user.Theme,
            ChatSound = user.ChatSound,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var name = DisplayNames.Check(Input.DisplayName);
        if (!name.IsValid)
        {
            ModelState.AddModelError("Input.DisplayName", name.Error!);
        }
        else if (await accounts.IsDisplayNameTakenAsync(name.Key!, user.Id))
        {
            ModelState.AddModelError("Input.DisplayName", "That display name, or one that looks just like it, is taken. Please choose another.");
        }
        if (!string.IsNullOrEmpty(Input.Country) && !CountryNames.IsKnown(Input.Country))
        {
            ModelState.AddModelError("Input.Country", "Please choose a country from the list, or leave it empty.");
        }
        if (!string.IsNullOrEmpty(Input.TimeZone) && !TimeZones.Contains(Input.TimeZone))
        {
            ModelState.AddModelError("Input.TimeZone", "Please choose a time zone from the list, or leave it empty.");
        }
        if (!Enum.IsDefined(Input.Theme))
        {
            ModelState.AddModelError("Input.Theme", "Please choose System, Light or Dark.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        user.DisplayName = name.Name!;
        user.DisplayNameKey = name.Key!;
        user.CountryCode = string.IsNullOrEmpty(Input.Country) ? null : Input.Country.ToUpperInvariant();
        user.TimeZoneId = string.IsNullOrEmpty(Input.TimeZone) ? null : Input.TimeZone;
        user.Theme = Input.Theme;
        user.ChatSound = Input.ChatSound;
        try
        {
            var result = await users.UpdateAsync(user);
            if (!result.Succeeded)
            {
                StatusMessage = "Error: your profile could not be saved just now. Please try again.";
                return RedirectToPage();
            }
        }
        catch (DbUpdateException)
        {
            ModelState.AddModelError("Input.DisplayName", "That display name, or one that looks just like it, was just taken. Please choose another.");
            return Page();
        }
        // New claims (name, theme, country) for this session at once.
        await signIn.RefreshSignInAsync(user);
        StatusMessage = "Your profile is saved.";
        return RedirectToPage();
    }
}
