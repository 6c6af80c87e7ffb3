using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Moderation;

namespace OffBenzos.Community.Web.Accounts;

/// <summary>Identity's sign-in, refusing members who are suspended or banned right now.</summary>
public sealed class CommunitySignInManager(
    UserManager<CommunityUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<CommunityUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<CommunityUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<CommunityUser> confirmation,
    CommunityDb db,
    Privacy.AccountErasure erasure,
    TimeProvider clock)
    : SignInManager<CommunityUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<SignInResult> PasswordSignInAsync(CommunityUser user, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var result = await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        if (result.Succeeded)
        {
            await SignedInAsync(user);
        }
        return result;
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient);
        if (result.Succeeded && user is not null)
        {
            await SignedInAsync(user);
        }
        return result;
    }

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        if (result.Succeeded && user is not null)
        {
            await SignedInAsync(user);
        }
        return result;
    }

    /// <summary>
    /// After a real sign-in (not a refresh): remember it for the member's sign-in history, and if they
    /// had asked to delete their account, coming back cancels that, and they are told.
    /// </summary>
    private async Task SignedInAsync(CommunityUser user)
    {
        var now = clock.GetUtcNow();
        db.SignInRecords.Add(new Privacy.SignInRecord
        {
            UserId = user.Id,
            At = now,
            Device = Privacy.DeviceNames.From(Context.Request.Headers.UserAgent.ToString()),
        });
        await db.SaveChangesAsync();
        if (user.DeletionRequestedAt is not null)
        {
            await erasure.CancelAsync(user.Id);
        }
    }

    public override async Task<bool> CanSignInAsync(CommunityUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return await base.CanSignInAsync(user) && await BarAsync(user.Id) is null;
    }

    /// <summary>The suspension or ban in force now, if any.</summary>
    public Task<Sanction?> BarAsync(string userId)
    {
        var now = clock.GetUtcNow();
        return db.Sanctions.AsNoTracking()
            .Where(s => s.UserId == userId && (s.Kind == SanctionKind.Suspension || s.Kind == SanctionKind.Ban) && s.StartsAt <= now && (s.EndsAt == null || s.EndsAt > now))
            .OrderByDescending(s => s.EndsAt == null).ThenByDescending(s => s.EndsAt)
            .FirstOrDefaultAsync();
    }
}
