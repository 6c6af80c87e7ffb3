namespace OffBenzos.Community.Web.Crisis;

public static class CrisisSetup
{
    public static WebApplicationBuilder AddCrisisResources(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CrisisDirectory>();
        return builder;
    }
}
