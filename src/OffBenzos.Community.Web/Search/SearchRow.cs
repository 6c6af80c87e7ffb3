namespace OffBenzos.Community.Web.Search;

/// <summary>One row of <see cref="SearchSql.SqlitePage"/> or <see cref="SearchSql.SqlServerPage"/>, as EF reads it.</summary>
public sealed class SearchRow
{
    public int PostId { get; set; }
    public int ThreadId { get; set; }
    public string ThreadTitle { get; set; } = "";
    public string GroupName { get; set; } = "";
    public string GroupSlug { get; set; } = "";
    public string? Author { get; set; }

    /// <summary>UTC ticks, as the model stores every instant (raw SQL bypasses the model's converter).</summary>
    public long CreatedAtTicks { get; set; }

    public string PlainText { get; set; } = "";
    public double Score { get; set; }
}
