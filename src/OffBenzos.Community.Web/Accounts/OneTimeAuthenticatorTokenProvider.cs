using Microsoft.AspNetCore.Identity;

namespace OffBenzos.Community.Web.Accounts;

/// <summary>
/// Authenticator-app codes that work once: the matched time step is stored on the user, and a code
/// from that step or an earlier one is refused. Identity's own provider accepts a code again for as
/// long as its time window lasts, so an observed code could be replayed.
/// </summary>
public sealed class OneTimeAuthenticatorTokenProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<CommunityUser>
{
    public const string Name = "OneTimeAuthenticator";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<CommunityUser> manager, CommunityUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));
    }

    // The code comes from the member's app, never from the server.
    public Task<string> GenerateAsync(string purpose, UserManager<CommunityUser> manager, CommunityUser user) =>
        Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<CommunityUser> manager, CommunityUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var code = (token ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(key) || code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return false;
        }

        var step = Totp.MatchingStep(Base32.Decode(key), code, clock.GetUtcNow());
        if (step is null || step <= user.LastTotpTimeStep)
        {
            return false;
        }

        // The concurrency stamp makes two simultaneous uses of one code race: only one update succeeds.
        user.LastTotpTimeStep = step.Value;
        var saved = await manager.UpdateAsync(user);
        return saved.Succeeded;
    }
}
