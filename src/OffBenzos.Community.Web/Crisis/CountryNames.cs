using System.Globalization;

namespace OffBenzos.Community.Web.Crisis;

/// <summary>ISO 3166-1 alpha-2 codes and English names, from the platform's region data.</summary>
public static class CountryNames
{
    private static readonly Lazy<IReadOnlyList<(string Code, string Name)>> AllCountries = new(() =>
        CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .Select(c => { try { return new RegionInfo(c.Name); } catch (ArgumentException) { return null; } })
            .OfType<RegionInfo>()
            .Where(r => r.TwoLetterISORegionName.Length == 2 && char.IsAsciiLetter(r.TwoLetterISORegionName[0]))
            .DistinctBy(r => r.TwoLetterISORegionName)
            .Select(r => (r.TwoLetterISORegionName, r.EnglishName))
            .OrderBy(r => r.EnglishName, StringComparer.Ordinal)
            .ToList());

    public static IReadOnlyList<(string Code, string Name)> All => AllCountries.Value;

    public static bool IsKnown(string? code) => Find(code) is not null;

    public static string? Find(string? code) =>
        code is { Length: 2 } ? All.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase)).Name : null;
}
