namespace OffBenzos.Community.Web.Crisis;

public static class CrisisSetup
{
    public static WebApplicationBuilder AddCrisisResources(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CrisisDirectory>();
        builder.Services.AddSingleton<CrisisDetector>();
        builder.Services.Configure<ConcernOptions>(builder.Configuration.GetSection("Crisis"));
        builder.Services.AddScoped<ConcernService>();
        return builder;
    }
}
