using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OffBenzos.Community.Tests.Infrastructure;
using OffBenzos.Community.Web.Data;

namespace OffBenzos.Community.Tests.Data;

public sealed class MigrationTests
{
    [Fact]
    public void The_SQLite_migrations_match_the_model()
    {
        using var db = new SqliteCommunityDbDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed without a SQLite migration: run the dotnet ef command in CommunityDb's remarks.");
    }

    [Fact]
    public void The_SQL_Server_migrations_match_the_model()
    {
        using var db = new SqlServerCommunityDbDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed without a SQL Server migration: run the dotnet ef command in CommunityDb's remarks.");
    }

    [Fact]
    public void The_SQL_Server_script_can_be_generated_without_a_server()
    {
        using var db = new SqlServerCommunityDbDesignTimeFactory().CreateDbContext([]);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [AspNetUsers]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_AspNetUsers_DisplayNameKey]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [RoleChanges]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [ConsentRecords]", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_provider_sees_only_its_own_migration_set()
    {
        using var sqlite = new SqliteCommunityDbDesignTimeFactory().CreateDbContext([]);
        using var sqlServer = new SqlServerCommunityDbDesignTimeFactory().CreateDbContext([]);

        var sqliteMigrations = sqlite.Database.GetMigrations().ToList();
        var sqlServerMigrations = sqlServer.Database.GetMigrations().ToList();

        Assert.NotEmpty(sqliteMigrations);
        Assert.NotEmpty(sqlServerMigrations);
        Assert.Empty(sqliteMigrations.Intersect(sqlServerMigrations));
    }

    [Fact]
    public async Task The_app_creates_and_migrates_its_database_on_first_start_in_WAL_mode()
    {
        using var app = new CommunityApp();
        _ = app.Services;

        var pending = await app.WithDbAsync(async db => (await db.Database.GetPendingMigrationsAsync()).ToList());
        Assert.Empty(pending);
        if (!app.UsesSqlServer)
        {
            var mode = await app.WithDbAsync(db => db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync());
            Assert.Equal("wal", Assert.Single(mode));
        }
    }

    [Fact]
    public async Task Every_SQLite_connection_waits_for_a_busy_writer_rather_than_failing_at_once()
    {
        using var app = new CommunityApp();
        if (app.UsesSqlServer)
        {
            return;
        }

        // Twice: the second query gets a connection back from the pool, which must keep the setting.
        for (var i = 0; i < 2; i++)
        {
            var timeout = await app.WithDbAsync(db => db.Database.SqlQueryRaw<int>("PRAGMA busy_timeout").ToListAsync());
            Assert.Equal(5000, Assert.Single(timeout));
        }
    }
}
