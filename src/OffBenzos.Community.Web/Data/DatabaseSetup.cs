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
            builder.Services.AddDbContextPool<CommunityDb, SqliteCommunityDb>(o => o
                .UseSqlite(connectionString, ConfigureSqlite)
                .AddInterceptors(SqliteConnectionSetup.Instance));
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
    /// Makes each SQLite connection: open from the start and kept open, keeping its statements
    /// prepared (<see cref="KeptStatementsConnection"/>), without EF's functions (below), and with a
    /// busy timeout so concurrent writers wait instead of failing. The timeout is set through the C
    /// API rather than a PRAGMA, which would be one more statement to parse and run.
    /// </summary>
    private sealed class SqliteConnectionSetup : DbConnectionInterceptor
    {
        public static readonly SqliteConnectionSetup Instance = new();

        private const int BusyTimeoutMilliseconds = 5000;

        // The connection is made here rather than by EF, which would register its decimal and regexp
        // functions (ef_add, ef_compare, …) on it, and Microsoft.Data.Sqlite would register them again
        // at every open. They were a seventh of a thread page's allocations (docs/benchmarks.md). No
        // query here uses them (no decimal columns, no Regex): one that did would fail with
        // "no such function: ef_…", and then they would have to be registered here.
        // EF neither opens nor closes a connection that is open when it first sees it.
        public override InterceptionResult<DbConnection> ConnectionCreating(ConnectionCreatingEventData eventData, InterceptionResult<DbConnection> result)
        {
            var connection = new KeptStatementsConnection(eventData.ConnectionString!);
            connection.Open();
            var status = SQLitePCL.raw.sqlite3_busy_timeout(connection.Handle, BusyTimeoutMilliseconds);
            SqliteException.ThrowExceptionForRC(status, connection.Handle);
            return InterceptionResult<DbConnection>.SuppressWithResult(connection);
        }
    }
}
