namespace OffBenzos.Community.Web.Crisis;

/// <summary>A crisis line as admins keep it (seeded from crisis-lines.json), with its source and the date it was checked.</summary>
public class CrisisLineRecord
{
    public int Id { get; set; }
    public required string CountryCode { get; set; }
    public int Position { get; set; }
    public required string Name { get; set; }
    public required string Display { get; set; }
    public string? Tel { get; set; }
    public string? Sms { get; set; }
    public string? Url { get; set; }
    public required string Hours { get; set; }

    /// <summary>"crisis" lines are the ones the banner shows; others (support, poisoning...) are on /crisis.</summary>
    public required string Kind { get; set; }

    public string? Notes { get; set; }
    public required string Source { get; set; }
    public DateOnly Checked { get; set; }
}
