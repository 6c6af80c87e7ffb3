namespace OffBenzos.Community.Web.Search;

/// <summary>A row id with its text marked by SQLite's snippet() or highlight().</summary>
public sealed class MarkedRow
{
    public int Id { get; set; }
    public string Marked { get; set; } = "";
}
