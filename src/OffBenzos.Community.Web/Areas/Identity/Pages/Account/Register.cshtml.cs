using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Authorization;
using OffBenzos.Community.Web.Crisis;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Web;

namespace OffBenzos.Community.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Registration. Whether or not the address already has an account, the answer is the same
/// "check your e-mail" page; the existing owner gets an e-mail saying someone tried.
/// </summary>
[EnableRateLimiting(WebUiSetup.AccountRateLimit)]
public sealed class RegisterModel(
    UserManager<CommunityUser> users,
    IPasswordHasher<CommunityUser> hasher,
    AccountService accounts,
    CommunityDb db,
    Microsoft.Extensions.Options.IOptions<CommunityOptions> communityOptions,
    TimeProvider clock) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Please enter your e-mail address.")]
        [EmailAddress(ErrorMessage = "That doesn't look like an e-mail address. Please check it.")]
        [StringLength(256, ErrorMessage = "E-mail addresses can be up to 256 characters.")]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Please choose a display name.")]
        [StringLength(120, ErrorMessage = "Display names need 3 to 30 characters.")]
        [Display(Name = "Display name")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Please choose a passphrase.")]
        [StringLength(PassphraseValidator.MaxLength, MinimumLength = PassphraseValidator.MinLength,
            ErrorMessage = "Your passphrase needs at least {2} characters (up to {1}). A few unrelated words work well.")]
        [DataType(DataType.Password)]
        [Display(Name = "Passphrase")]
        public string Password { get; set; } = "";

        [DataType(DataType.Password)]
        [Display(Name = "Passphrase again")]
        [Compare(nameof(Password), ErrorMessage = "The two passphrases don't match. Please type them again.")]
        public string ConfirmPassword { get; set; } = "";

        [Display(Name = "Country")]
        public string? Country { get; set; }

        public bool AgeConfirmed { get; set; }

        public bool HealthDataConsent { get; set; }
    }

    public void OnGet() => Input.Country = CrisisCountry.For(HttpContext);

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Input.AgeConfirmed)
        {
            ModelState.AddModelError("Input.AgeConfirmed", "OffBenzos Community is for adults: please confirm you are 18 or over.");
        }
        if (!Input.HealthDataConsent)
        {
            ModelState.AddModelError("Input.HealthDataConsent", "We need your consent to keep what you share, because it is health information.");
        }
        if (!string.IsNullOrEmpty(Input.Country) && !CountryNames.IsKnown(Input.Country))
        {
            ModelState.AddModelError("Input.Country", "Please choose a country from the list, or leave it empty.");
        }
        var name = DisplayNames.Check(Input.DisplayName);
        if (!name.IsValid)
        {
            ModelState.AddModelError("Input.DisplayName", name.Error!);
        }
        else if (await accounts.IsDisplayNameTakenAsync(name.Key!))
        {
            ModelState.AddModelError("Input.DisplayName", "That display name, or one that looks just like it, is taken. Please choose another.");
        }

        var user = new CommunityUser
        {
            UserName = Input.Email.Trim(),
            Email = Input.Email.Trim(),
            DisplayName = name.Name ?? "",
            DisplayNameKey = name.Key ?? "",
            CountryCode = string.IsNullOrEmpty(Input.Country) ? null : Input.Country.ToUpperInvariant(),
            CreatedAt = clock.GetUtcNow(),
        };
        if (ModelState.GetFieldValidationState("Input.Password") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, user, Input.Password);
                foreach (var error in result.Errors)
                {
                    ModelState.AddModelError("Input.Password", error.Description);
                }
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await users.FindByEmailAsync(user.Email) is not null)
        {
            await AlreadyRegisteredAsync(user.Email);
            return RedirectToPage("RegisterConfirmation");
        }

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var created = await users.CreateAsync(user, Input.Password);
            if (created.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName"))
            {
                await AlreadyRegisteredAsync(user.Email);
                return RedirectToPage("RegisterConfirmation");
            }
            if (!created.Succeeded)
            {
                foreach (var error in created.Errors)
                {
                    ModelState.AddModelError(string.Empty, error.Description);
                }
                return Page();
            }
            await users.AddToRoleAsync(user, SiteRoles.Member);
            var now = clock.GetUtcNow();
            db.ConsentRecords.AddRange(
                new ConsentRecord { UserId = user.Id, Kind = ConsentKinds.HealthData, Version = communityOptions.Value.HealthDataConsentVersion, GivenAt = now },
                new ConsentRecord { UserId = user.Id, Kind = ConsentKinds.AgeOver18, Version = ConsentKinds.AgeOver18Version, GivenAt = now });
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        catch (DbUpdateException)
        {
            // Two people chose the same (or a look-alike) display name at the same moment.
            ModelState.AddModelError("Input.DisplayName", "That display name, or one that looks just like it, was just taken. Please choose another.");
            return Page();
        }

        await accounts.SendEmailConfirmationAsync(user);
        return RedirectToPage("RegisterConfirmation");
    }

    private async Task AlreadyRegisteredAsync(string email)
    {
        // The hash a new account would have cost, so timing does not tell the two cases apart.
        hasher.HashPassword(new CommunityUser(), Input.Password);
        await accounts.SendAlreadyRegisteredAsync(email);
    }
}
