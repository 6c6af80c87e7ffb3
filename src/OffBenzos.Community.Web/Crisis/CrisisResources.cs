namespace OffBenzos.Community.Web.Crisis;

/// <summary>What to show one person: their country's lines and emergency number, or the international directory.</summary>
public sealed record CrisisResources(
    string? CountryCode,
    string? CountryName,
    EmergencyNumber? Emergency,
    string EmergencyText,
    IReadOnlyList<CrisisLine> Lines,
    InternationalDirectory International)
{
    /// <summary>The lines the banner shows: the crisis-kind lines, at most two, so the banner stays one glance.</summary>
    public IEnumerable<CrisisLine> BannerLines => Lines.Where(l => l.Kind == "crisis").Take(2);

    public DateOnly? Checked => Lines.Count == 0 ? null : Lines.Min(l => l.Checked);
}
