namespace OffBenzos.Community.Web.Search;

/// <summary>
/// The answer of <see cref="SearchSql.SqliteCount"/> or <see cref="SearchSql.SqlServerCount"/>: the
/// readable posts found, and how many matches each index gave (more than
/// <see cref="SearchSql.MaxMatches"/> means the search did not look at them all).
/// </summary>
public sealed class SearchCount
{
    public int Total { get; set; }
    public int PostMatches { get; set; }
    public int TitleMatches { get; set; }

    public bool HadMore => PostMatches > SearchSql.MaxMatches || TitleMatches > SearchSql.MaxMatches;
}
