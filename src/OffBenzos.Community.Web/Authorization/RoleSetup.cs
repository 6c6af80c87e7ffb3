using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace OffBenzos.Community.Web.Authorization;

public static class RoleSetup
{
    /// <summary>Creates the four site roles if missing. Idempotent, so every instance may run it at start-up.</summary>
    public static async Task EnsureRolesAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in SiteRoles.All)
        {
            if (await roles.RoleExistsAsync(role))
            {
                continue;
            }
            try
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
            catch (DbUpdateException)
            {
                // Another instance starting at the same moment may have created it first.
                if (!await roles.RoleExistsAsync(role))
                {
                    throw;
                }
            }
        }
    }
}
