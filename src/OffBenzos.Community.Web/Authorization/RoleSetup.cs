using Microsoft.AspNetCore.Identity;

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
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }
}
