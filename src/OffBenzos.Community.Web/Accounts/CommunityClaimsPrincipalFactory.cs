using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace OffBenzos.Community.Web.Accounts;

/// <summary>Adds the profile claims of <see cref="CommunityClaims"/>; refreshed with the security stamp check.</summary>
public sealed class CommunityClaimsPrincipalFactory(
    UserManager<CommunityUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options,
    Data.CommunityDb db)
    : UserClaimsPrincipalFactory<CommunityUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CommunityUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CommunityClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(CommunityClaims.Theme, user.Theme.ToString()));
        identity.AddClaim(new Claim(CommunityClaims.ChatSound, user.ChatSound.ToString(CultureInfo.InvariantCulture)));
        if (user.CountryCode is { } country)
        {
            identity.AddClaim(new Claim(CommunityClaims.Country, country));
        }
        if (user.TimeZoneId is { } zone)
        {
            identity.AddClaim(new Claim(CommunityClaims.TimeZone, zone));
        }
        var consent = await db.ConsentRecords.Where(c => c.UserId == user.Id && c.Kind == ConsentKinds.HealthData)
            .OrderByDescending(c => c.GivenAt).ThenByDescending(c => c.Id).Select(c => c.Version).FirstOrDefaultAsync();
        if (consent is not null)
        {
            identity.AddClaim(new Claim(CommunityClaims.Consent, consent));
        }
        return identity;
    }
}
