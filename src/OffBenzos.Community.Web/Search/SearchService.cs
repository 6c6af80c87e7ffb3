using System.Text.Json;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Data;

namespace OffBenzos.Community.Web.Search;

/// <summary>
/// Full-text search over the posts a reader may see, through the database's own index: FTS5 on
/// SQLite, full-text search on SQL Server. Which posts count (visible posts in visible threads of
/// readable groups), the total and the page are all decided in SQL; only one page of rows comes back.
/// A search looks at no more than <see cref="SearchSql.MaxMatches"/> matches, so a common word costs
/// what a rare one does.
/// </summary>
public sealed class SearchService(CommunityDb db, ILogger<SearchService> logger)
{
    public const int PageSize = 20;

    /// <summary>
    /// SQL Server's answers when it cannot search at all: 7601, the table has no full-text index;
    /// 7609, Full-Text Search is not installed. Search then says so instead of failing the page.
    /// </summary>
    private static readonly int[] NoFullText = [7601, 7609];

    /// <param name="query">The member's words, as typed; <see cref="SearchQuery"/> makes them safe.</param>
    /// <param name="readableGroupIds">From <c>GroupAccess.ReadableGroupIdsAsync()</c>.</param>
    /// <param name="page">1-based; brought into range.</param>
    /// <param name="readerId">The signed-in reader, whose blocked members' posts are left out; null when signed out.</param>
    public async Task<SearchResults> SearchAsync(string? query, IReadOnlyList<int> readableGroupIds, int page, string? readerId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(readableGroupIds);
        var parsed = SearchQuery.Parse(query);
        if (parsed.IsEmpty || readableGroupIds.Count == 0)
        {
            return SearchResults.None(parsed);
        }
        try
        {
            return await SearchAsync(parsed, readableGroupIds, page, readerId ?? "", cancellationToken);
        }
        catch (SqlException e) when (NoFullText.Contains(e.Number))
        {
            logger.LogError(e, "Search is unavailable: SQL Server has no full-text search for it. See docs/operations.md.");
            return SearchResults.Unavailable(parsed);
        }
    }

    private async Task<SearchResults> SearchAsync(SearchQuery parsed, IReadOnlyList<int> readableGroupIds, int page, string readerId, CancellationToken cancellationToken)
    {
        var sqlite = db.Database.IsSqlite();
        var match = sqlite ? parsed.ToFts5() : parsed.ToSqlServer();
        // One JSON parameter, not one parameter per group: SQL Server allows 2,100 and plans stay reusable.
        var groups = JsonSerializer.Serialize(readableGroupIds);

        var count = (await db.Database.SqlQueryRaw<SearchCount>(sqlite ? SearchSql.SqliteCount : SearchSql.SqlServerCount, match, groups, readerId)
            .ToListAsync(cancellationToken)).Single();
        if (count.Total == 0)
        {
            return SearchResults.None(parsed);
        }
        // With more matches than a search looks at, it shows as many as it looked at.
        var total = Math.Min(count.Total, SearchSql.MaxMatches);
        var pageCount = (total + PageSize - 1) / PageSize;
        page = Math.Clamp(page, 1, pageCount);

        // SQLite ranks only when it saw every match (ranking weighs each word over the whole index);
        // past that it shows the newest. SQL Server ranks its best matches either way.
        var sql = !sqlite ? SearchSql.SqlServerPage : count.HadMore ? SearchSql.SqliteNewestPage : SearchSql.SqlitePage;
        var rows = await db.Database.SqlQueryRaw<SearchRow>(sql, match, groups, readerId, PageSize, (page - 1) * PageSize)
            .ToListAsync(cancellationToken);

        Dictionary<int, string> snippets = [];
        Dictionary<int, string> titles = [];
        if (sqlite)
        {
            snippets = await MarkedAsync(SearchSql.SqlitePostSnippets, match, rows.Select(r => r.PostId), cancellationToken);
            titles = await MarkedAsync(SearchSql.SqliteThreadTitles, match, rows.Select(r => r.ThreadId), cancellationToken);
        }

        var hits = rows.Select(r => new SearchHit(
            r.PostId,
            r.ThreadId,
            r.ThreadTitle,
            MarkedText.ToHtml(titles.GetValueOrDefault(r.ThreadId) ?? SnippetBuilder.MarkAll(r.ThreadTitle, parsed)),
            r.GroupName,
            r.GroupSlug,
            r.Author ?? "a former member",
            new DateTimeOffset(r.CreatedAtTicks, TimeSpan.Zero),
            // No FTS snippet when only the thread's title matched: the start of the post, nothing marked.
            MarkedText.ToHtml(snippets.GetValueOrDefault(r.PostId) ?? SnippetBuilder.Snippet(r.PlainText, parsed)),
            r.Score)).ToList();
        return new SearchResults(parsed, hits, total, page, pageCount, HadMore: count.HadMore);
    }

    private async Task<Dictionary<int, string>> MarkedAsync(string sql, string match, IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQueryRaw<MarkedRow>(sql, match, JsonSerializer.Serialize(ids.Distinct())).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => r.Marked);
    }
}
