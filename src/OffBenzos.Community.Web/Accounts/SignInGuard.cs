using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;

namespace OffBenzos.Community.Web.Accounts;

/// <summary>
/// Password sign-in that answers the same way, in about the same time, whether or not an account
/// exists for the address: an unknown address costs one password hash, fails with the same message,
/// and is "locked out" after the same number of failures as a real account.
/// </summary>
public sealed class SignInGuard(
    UserManager<CommunityUser> users,
    SignInManager<CommunityUser> signIn,
    IPasswordHasher<CommunityUser> hasher,
    IMemoryCache cache)
{
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    private static string? _dummyHash;

    public async Task<SignInResult> PasswordSignInAsync(string email, string password, bool rememberMe)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is not null)
        {
            return await signIn.PasswordSignInAsync(user, password, rememberMe, lockoutOnFailure: true);
        }

        var key = "signin-unknown:" + users.NormalizeEmail(email);
        var failures = cache.Get<int>(key);
        if (failures >= MaxFailedAttempts)
        {
            return SignInResult.LockedOut;
        }
        // The same work a wrong password for a real account costs.
        _dummyHash ??= hasher.HashPassword(new CommunityUser(), Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(new CommunityUser(), _dummyHash, password);
        cache.Set(key, failures + 1, LockoutDuration);
        return failures + 1 >= MaxFailedAttempts ? SignInResult.LockedOut : SignInResult.Failed;
    }
}
