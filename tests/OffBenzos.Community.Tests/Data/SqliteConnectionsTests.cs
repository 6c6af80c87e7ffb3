using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using OffBenzos.Community.Tests.Infrastructure;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Groups;

namespace OffBenzos.Community.Tests.Data;

/// <summary>
/// The app's SQLite connections stay open, keep their statements prepared, and are lent to one
/// context at a time (<see cref="SqliteConnections"/>). What one request leaves behind on a
/// connection must never reach the next one, and a request that lasts must not hold one.
/// </summary>
public sealed class SqliteConnectionsTests
{
    [Fact]
    public async Task A_write_a_request_left_uncommitted_is_rolled_back_before_the_connection_serves_again()
    {
        using var app = new CommunityApp();
        var group = await app.CreateGroupAsync();

        // A transaction begun on the connection itself, which EF only borrows and does not end: as
        // when a request fails between its writes.
        await app.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            var transaction = await db.Database.GetDbConnection().BeginTransactionAsync();
            await db.Database.UseTransactionAsync(transaction);
            (await db.Groups.SingleAsync(g => g.Id == group.Id)).Description = "Half done";
            return await db.SaveChangesAsync();
        });

        // On SQLite the next requests get the same connection, lent again.
        await AssertUnchangedAndWritableAsync(app, group);
    }

    [Fact]
    public async Task A_transaction_begun_in_SQL_and_left_open_is_rolled_back_before_anyone_else_borrows_the_connection()
    {
        using var app = new CommunityApp();
        if (app.UsesSqlServer)
        {
            return; // the subject is SQLite's shared connections
        }
        var group = await app.CreateGroupAsync();

        // EF knows nothing of this transaction, so nothing on EF's side ends it.
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            """BEGIN; UPDATE "Groups" SET "Description" = 'Half done' WHERE "Id" = {0}""", group.Id));

        await AssertUnchangedAndWritableAsync(app, group);
    }

    [Fact]
    public async Task A_query_read_only_in_part_does_not_hide_later_writes_from_its_connection()
    {
        using var app = new CommunityApp();
        await app.CreateGroupAsync();
        await app.CreateGroupAsync();

        await using var readerScope = app.Services.CreateAsyncScope();
        var reader = readerScope.ServiceProvider.GetRequiredService<CommunityDb>();
        await using (var groups = reader.Groups.OrderBy(g => g.Id).Select(g => g.Id).AsAsyncEnumerable().GetAsyncEnumerator())
        {
            // One row of two, then the reader is let go: a statement still stepping would keep
            // its connection on the snapshot it started in.
            Assert.True(await groups.MoveNextAsync());
        }

        var added = await app.CreateGroupAsync("Written by someone else");

        Assert.True(await reader.Groups.AnyAsync(g => g.Id == added.Id));
        Assert.Equal(3, await reader.Groups.CountAsync());
    }

    [Fact]
    public async Task The_same_query_run_inside_its_own_loop_reads_every_row_both_times()
    {
        using var app = new CommunityApp();
        if (app.UsesSqlServer)
        {
            return; // two open readers on one connection need MARS there; the subject is SQLite's
        }
        var first = await app.CreateGroupAsync();
        var second = await app.CreateGroupAsync();
        int[] expected = [first.Id, second.Id];

        var pairs = await app.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            var connection = db.Database.GetDbConnection();
            var seen = new List<(int Outer, int Inner)>();
            await using var outer = Command(connection, """SELECT "Id" FROM "Groups" ORDER BY "Id" """);
            await using var rows = await outer.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                await using var inner = Command(connection, """SELECT "Id" FROM "Groups" ORDER BY "Id" """);
                await using var innerRows = await inner.ExecuteReaderAsync();
                while (await innerRows.ReadAsync())
                {
                    seen.Add((rows.GetInt32(0), innerRows.GetInt32(0)));
                }
            }
            return seen;
        });

        Assert.Equal([.. expected.SelectMany(o => expected.Select(i => (o, i)))], pairs);
    }

    [Fact]
    public async Task A_connection_keeps_a_bounded_number_of_statements_and_each_still_answers_for_itself()
    {
        using var app = new CommunityApp();
        if (app.UsesSqlServer)
        {
            return; // SQL Server keeps its plans on the server
        }

        var (answers, kept) = await app.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            var connection = db.Database.GetDbConnection();
            var answers = new List<long>();
            // Twice through more different statements than a connection keeps, each run with a value.
            for (var pass = 0; pass < 2; pass++)
            {
                for (var n = 0; n < KeptStatementsConnection.Capacity + 36; n++)
                {
                    await using var command = Command(connection, $"SELECT $value + {n}");
                    var value = command.CreateParameter();
                    value.ParameterName = "$value";
                    value.Value = pass * 1000;
                    command.Parameters.Add(value);
                    answers.Add((long)(await command.ExecuteScalarAsync())!);
                }
            }
            return (answers, ((LeasedSqliteConnection)connection).KeptCount);
        });

        var count = KeptStatementsConnection.Capacity + 36;
        Assert.Equal([.. Enumerable.Range(0, count).Select(n => (long)n), .. Enumerable.Range(0, count).Select(n => 1000L + n)], answers);
        Assert.Equal(KeptStatementsConnection.Capacity, kept);
    }

    [Fact]
    public async Task Requests_that_stay_open_hold_no_database_connection_between_their_queries()
    {
        using var app = new CommunityApp();
        if (app.UsesSqlServer)
        {
            return; // SqlClient's own pool
        }
        await app.CreateGroupAsync();

        // Like chat connections: each request's scope (and its context) lives on after its queries.
        var scopes = new List<AsyncServiceScope>();
        try
        {
            for (var i = 0; i < 200; i++)
            {
                var scope = app.Services.CreateAsyncScope();
                scopes.Add(scope);
                Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<CommunityDb>().Groups.CountAsync());
            }
            Assert.InRange(app.Services.GetRequiredService<SqliteConnections>().OpenCount, 1, SqliteConnections.MaxIdle);
        }
        finally
        {
            foreach (var scope in scopes)
            {
                await scope.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Stopping_the_app_closes_its_database_connections()
    {
        var app = new CommunityApp();
        if (app.UsesSqlServer)
        {
            app.Dispose();
            return; // SqlClient's own pool
        }
        await app.CreateGroupAsync();
        var connections = app.Services.GetRequiredService<SqliteConnections>();
        Assert.True(connections.OpenCount > 0);

        app.Dispose();

        // A background job still in a query when the host gave up waiting for it (a loaded machine)
        // gives its connection back afterwards, and that closes it.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (connections.OpenCount > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        Assert.Equal(0, connections.OpenCount);
    }

    /// <summary>The next requests see the group's old text, and can write: no lock was left held.</summary>
    private static async Task AssertUnchangedAndWritableAsync(CommunityApp app, Group group)
    {
        Assert.Equal("A place to talk.", await app.WithDbAsync(db => db.Groups.Where(g => g.Id == group.Id).Select(g => g.Description).SingleAsync()));
        await app.WithDbAsync(async db =>
        {
            (await db.Groups.SingleAsync(g => g.Id == group.Id)).Description = "Done";
            return await db.SaveChangesAsync();
        });
        Assert.Equal("Done", await app.WithDbAsync(db => db.Groups.Where(g => g.Id == group.Id).Select(g => g.Description).SingleAsync()));
    }

    private static DbCommand Command(DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}
