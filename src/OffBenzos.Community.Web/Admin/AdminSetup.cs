namespace OffBenzos.Community.Web.Admin;

public static class AdminSetup
{
    public static WebApplicationBuilder AddAdmin(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<RoleAdministration>();
        return builder;
    }
}
