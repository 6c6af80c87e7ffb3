using Microsoft.AspNetCore.Authorization;

namespace OffBenzos.Community.Web.Authorization;

public static class AuthorizationSetup
{
    public static WebApplicationBuilder AddCommunityAuthorization(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<CurrentAccount>();
        builder.Services.AddScoped<IAuthorizationHandler, StandingHandler>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, StaffAuthorizationResultHandler>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.ConfirmedMember, p => p.RequireAuthenticatedUser().AddRequirements(new ConfirmedEmailRequirement()))
            .AddPolicy(Policies.Coach, p => p.RequireAuthenticatedUser().AddRequirements(new SiteRoleRequirement(SiteRoles.Coach, SiteRoles.Admin)))
            .AddPolicy(Policies.Moderator, p => p.RequireAuthenticatedUser().AddRequirements(new SiteRoleRequirement(SiteRoles.Moderator, SiteRoles.Admin)))
            .AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().AddRequirements(new SiteRoleRequirement(SiteRoles.Admin)));
        return builder;
    }
}
