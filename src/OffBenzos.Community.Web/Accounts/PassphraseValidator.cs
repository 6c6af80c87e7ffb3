using Microsoft.AspNetCore.Identity;

namespace OffBenzos.Community.Web.Accounts;

/// <summary>
/// Passphrases: long, no composition rules (NIST SP 800-63B), and not one of the commonest passwords.
/// Identity's own validator enforces the minimum length set in <see cref="PasswordOptions"/>.
/// </summary>
public sealed class PassphraseValidator : IPasswordValidator<CommunityUser>
{
    public const int MinLength = 12;
    public const int MaxLength = 256;

    public Task<IdentityResult> ValidateAsync(UserManager<CommunityUser> manager, CommunityUser user, string? password)
    {
        if (password is null)
        {
            return Task.FromResult(IdentityResult.Failed());
        }
        if (password.Length > MaxLength)
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PassphraseTooLong",
                Description = $"Passphrases can be up to {MaxLength} characters.",
            }));
        }
        if (CommonPasswords.IsCommon(password))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PassphraseTooCommon",
                Description = "That passphrase is one of the most common and easy to guess. Try a few unrelated words together.",
            }));
        }
        return Task.FromResult(IdentityResult.Success);
    }
}
