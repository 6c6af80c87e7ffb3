using Microsoft.AspNetCore.Hosting;

namespace OffBenzos.Community.Tests.Infrastructure;

/// <summary>
/// The real app on a SQLite file the test owns, so that a second app can start on the same
/// database: a restart, as far as the database can tell.
/// </summary>
public sealed class SharedDatabaseApp(string databaseFile) : CommunityApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:Community", $"Data Source={databaseFile}");
    }
}
