using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace OffBenzos.Community.Web.Data;

public static class DatabaseSetup
{
    /// <summary>
    /// Registers <see cref="CommunityDb"/> on the provider named by <c>Database:Provider</c>:
    /// SQLite under the data folder unless a connection string is given, or SQL Server. Contexts
    /// are pooled: setting one up for each request cost a tenth of a page's time (docs/benchmarks.md).
    /// </summary>
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new();
        builder.Services.Configure<DatabaseOptions>(builder.Configuration.GetSection(DatabaseOptions.Section));
        var connectionString = builder.Configuration.GetConnectionString("Community");

        if (options.Provider == DatabaseProvider.SqlServer)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    "Database:Provider is SqlServer but ConnectionStrings:Community is empty. See docs/operations.md.");
            }
            builder.Services.AddDbContextPool<CommunityDb, SqlServerCommunityDb>(o => o.UseSqlServer(connectionString, ConfigureSqlServer));
        }
        else
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                var folder = Path.GetFullPath(options.DataFolder, builder.Environment.ContentRootPath);
                Directory.CreateDirectory(folder);
                connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "community.db") }.ToString();
            }
            // Made by a factory so the container disposes it, closing the idle connections, when the app stops.
            builder.Services.AddSingleton(_ => new SqliteConnections(connectionString));
            builder.Services.AddDbContextPool<CommunityDb, SqliteCommunityDb>((services, o) => o
                .UseSqlite(connectionString, ConfigureSqlite)
                .AddInterceptors(new SqliteConnectionSetup(services.GetRequiredService<SqliteConnections>())));
        }

        builder.Services.AddHealthChecks().AddDbContextCheck<CommunityDb>("database");
        return builder;
    }

    internal static void ConfigureSqlite(SqliteDbContextOptionsBuilder sqlite) =>
        sqlite.MigrationsHistoryTable("__EFMigrationsHistory");

    internal static void ConfigureSqlServer(SqlServerDbContextOptionsBuilder sqlServer) =>
        sqlServer.EnableRetryOnFailure();

    /// <summary>
    /// Applies pending migrations when configured to (the default for the embedded SQLite database,
    /// opt-in for SQL Server: production normally runs the migration bundle, see docs/operations.md).
    /// </summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        var options = app.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new();
        var migrate = options.MigrateOnStartup ?? options.Provider == DatabaseProvider.Sqlite;
        if (!migrate)
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommunityDb>();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers carry on while one writer commits; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        await db.Database.MigrateAsync();
    }

    /// <summary>
    /// Gives each context a <see cref="LeasedSqliteConnection"/>, which borrows one of the app's open
    /// connections (they keep their statements prepared) while EF has it open.
    /// </summary>
    private sealed class SqliteConnectionSetup(SqliteConnections connections) : DbConnectionInterceptor
    {
        // EF would make a SqliteConnection and register its decimal and regexp functions (ef_add,
        // ef_compare, …) on it, which Microsoft.Data.Sqlite registered again at every open: a seventh
        // of a thread page's allocations (docs/benchmarks.md). No query here uses them (no decimal
        // columns, no Regex): one that did would fail with "no such function: ef_…", and then
        // SqliteConnections would have to register them.
        public override InterceptionResult<DbConnection> ConnectionCreating(ConnectionCreatingEventData eventData, InterceptionResult<DbConnection> result) =>
            InterceptionResult<DbConnection>.SuppressWithResult(new LeasedSqliteConnection(connections));
    }
}
