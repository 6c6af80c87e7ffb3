namespace OffBenzos.Community.Web.Search;

public static class SearchSetup
{
    public static WebApplicationBuilder AddSearch(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SearchIndex>();
        builder.Services.AddScoped<SearchService>();
        return builder;
    }

    /// <summary>
    /// Creates or repairs the full-text index; call right after <c>MigrateDatabaseAsync()</c>, since
    /// it needs the tables. Runs on every start because migrations cannot carry these objects.
    /// </summary>
    public static async Task EnsureSearchIndexAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SearchIndex>().EnsureAsync(app.Lifetime.ApplicationStopping);
    }
}
