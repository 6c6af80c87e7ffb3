using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Data;

namespace OffBenzos.Community.Web.Search;

/// <summary>
/// Creates the database's full-text objects and keeps them fit, at every start, after migrations.
/// Safe to run any number of times: it changes nothing when everything is in place.
/// </summary>
public sealed class SearchIndex(CommunityDb db, ILogger<SearchIndex> logger)
{
    public async Task EnsureAsync(CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            await EnsureSqliteAsync(cancellationToken);
        }
        else if (db.Database.IsSqlServer())
        {
            await EnsureSqlServerAsync(cancellationToken);
        }
    }

    /// <summary>
    /// In one transaction: each FTS5 table created (and filled from its content table) when missing
    /// or defined differently; each trigger put back when missing or different (an EF table rebuild
    /// drops them); and each index refilled when its row count differs from its table's, which
    /// means writes happened while a trigger was missing.
    /// </summary>
    private async Task EnsureSqliteAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var index in SearchSql.SqliteIndexes)
        {
            var rebuild = await EnsureSqliteObjectAsync(index.Name, "TABLE", index.Create, cancellationToken);
            foreach (var (name, sql) in index.Triggers)
            {
                await EnsureSqliteObjectAsync(name, "TRIGGER", sql, cancellationToken);
            }
            if (rebuild)
            {
                logger.LogInformation("Building the search index {Index} from {Table}.", index.Name, index.Table);
            }
            else if (await ScalarAsync<int>(index.Drift, cancellationToken) is not 0 and var drift)
            {
                logger.LogWarning("The search index {Index} differs from {Table} by {Rows} rows; rebuilding it.", index.Name, index.Table, drift);
                rebuild = true;
            }
            if (rebuild)
            {
                await db.Database.ExecuteSqlRawAsync(index.Rebuild, cancellationToken);
            }
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Creates the object unless it exists exactly as <paramref name="sql"/>; true when it was (re)created.</summary>
    private async Task<bool> EnsureSqliteObjectAsync(string name, string kind, string sql, CancellationToken cancellationToken)
    {
        var stored = (await db.Database.SqlQueryRaw<string>(SearchSql.SqliteStoredDefinition, name).ToListAsync(cancellationToken)).SingleOrDefault();
        if (stored == sql)
        {
            return false;
        }
        if (stored is not null)
        {
            logger.LogInformation("Replacing {Name}: its definition changed.", name);
            // The name and kind come from SearchSql, never from input.
            var drop = $"DROP {kind} \"{name}\"";
            await db.Database.ExecuteSqlRawAsync(drop, cancellationToken);
        }
        await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
        return true;
    }

    /// <summary>
    /// Catalog and indexes created when missing (each guarded by IF NOT EXISTS, outside any
    /// transaction). The first population runs in the background: search finds everything once
    /// SQL Server has finished it, and new writes within seconds after that. When the server
    /// lacks the feature, or the app's login may not create the objects, the app still starts
    /// (the crisis resources and the forum matter more than search) and search says it is
    /// unavailable; the log says why.
    /// </summary>
    private async Task EnsureSqlServerAsync(CancellationToken cancellationToken)
    {
        if (await ScalarAsync<int>(SearchSql.SqlServerFullTextInstalled, cancellationToken) != 1)
        {
            logger.LogError("SQL Server's Full-Text Search feature is not installed on this server, so search is unavailable. See docs/operations.md.");
            return;
        }
        try
        {
            foreach (var statement in SearchSql.SqlServerEnsure)
            {
                await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
            }
        }
        catch (SqlException e)
        {
            logger.LogError(e, "Could not create the full-text catalog and indexes, so search is unavailable. A login with db_ddladmin can run them once; see docs/operations.md.");
        }
    }

    private async Task<T> ScalarAsync<T>(string sql, CancellationToken cancellationToken) =>
        (await db.Database.SqlQueryRaw<T>(sql).ToListAsync(cancellationToken)).Single();
}
