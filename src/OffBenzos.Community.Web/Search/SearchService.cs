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

        SearchCount count;
        if (sqlite && parsed.LastIsPrefix)
        {
            // Whole words first. When the last word as typed already finds more posts than a search
            // looks at, the longer words starting with it could not change what is shown; and FTS5
            // reads a prefix by gathering every match of every word it starts (16 ms for a word in
            // half a million posts, for each query that names it), so they are not asked for then.
            var whole = parsed.ToFts5WholeWords();
            count = await CountAsync(whole, groups, readerId, sqlite, cancellationToken);
            if (count.HadMore)
            {
                match = whole;
            }
            else
            {
                count = await CountAsync(match, groups, readerId, sqlite, cancellationToken);
            }
        }
        else
        {
            count = await CountAsync(match, groups, readerId, sqlite, cancellationToken);
        }
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

        var hits = rows.Select(r => new SearchHit(
            r.PostId,
            r.ThreadId,
            r.ThreadTitle,
            MarkedText.ToHtml(SnippetBuilder.MarkAll(r.ThreadTitle, parsed)),
            r.GroupName,
            r.GroupSlug,
            r.Author ?? "a former member",
            new DateTimeOffset(r.CreatedAtTicks, TimeSpan.Zero),
            MarkedText.ToHtml(SnippetBuilder.Snippet(r.PlainText, parsed)),
            r.Score)).ToList();
        return new SearchResults(parsed, hits, total, page, pageCount, HadMore: count.HadMore);
    }

    private async Task<SearchCount> CountAsync(string match, string groups, string readerId, bool sqlite, CancellationToken cancellationToken) =>
        (await db.Database.SqlQueryRaw<SearchCount>(sqlite ? SearchSql.SqliteCount : SearchSql.SqlServerCount, match, groups, readerId)
            .ToListAsync(cancellationToken)).Single();
}
