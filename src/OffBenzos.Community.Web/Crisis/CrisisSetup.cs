namespace OffBenzos.Community.Web.Crisis;

public static class CrisisSetup
{
    public static WebApplicationBuilder AddCrisisResources(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CrisisDirectory>();
        builder.Services.AddSingleton<CrisisDetector>();
        builder.Services.AddScoped<CrisisLineStore>();
        builder.Services.AddHostedService<CrisisLineRefresh>();
        builder.Services.Configure<ConcernOptions>(builder.Configuration.GetSection("Crisis"));
        builder.Services.AddScoped<ConcernService>();
        return builder;
    }

    /// <summary>The crisis lines into the database on first run, then into memory for every page.</summary>
    public static async Task LoadCrisisLinesAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<CrisisLineStore>();
        await store.SeedAsync();
        await store.LoadAsync();
    }
}
