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
    TimeProvider clock)
    : SignInManager<CommunityUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
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
