namespace OffBenzos.Community.Web.Search;

/// <summary>One page of a search, with the total number of posts found.</summary>
/// <param name="IsUnavailable">The database cannot search (SQL Server without its full-text feature or index).</param>
/// <param name="HadMore">More posts matched than a search looks at (<see cref="SearchSql.MaxMatches"/>); <paramref name="Total"/> is that many.</param>
public sealed record SearchResults(SearchQuery Query, IReadOnlyList<SearchHit> Hits, int Total, int Page, int PageCount, bool IsUnavailable = false, bool HadMore = false)
{
    public static SearchResults None(SearchQuery query) => new(query, [], 0, 1, 1);

    public static SearchResults Unavailable(SearchQuery query) => new(query, [], 0, 1, 1, IsUnavailable: true);
}
