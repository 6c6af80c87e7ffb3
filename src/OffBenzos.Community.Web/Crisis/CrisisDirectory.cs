using System.Globalization;
using System.Text.Json;

namespace OffBenzos.Community.Web.Crisis;

/// <summary>
/// The crisis lines every page shows, held in memory. Seeded from crisis-lines.json (carried from
/// shared/data with sources and checked dates); admins' edits live in the database and are swapped in
/// by <see cref="CrisisLineStore"/>. 911 appears only where the data puts it: the US and Canada.
/// </summary>
public sealed class CrisisDirectory
{
    // EU member states: 112 reaches emergency services in each (see eu_default in the data).
    private static readonly HashSet<string> EuCountries =
    [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
        "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
    ];

    private readonly CrisisData _data;
    private volatile IReadOnlyDictionary<string, CountryLines> _countries;

    public CrisisDirectory()
    {
        using var stream = typeof(CrisisDirectory).Assembly.GetManifestResourceStream("crisis-lines.json")
            ?? throw new InvalidOperationException("The crisis-lines.json resource is missing from the build.");
        _data = JsonSerializer.Deserialize<CrisisData>(stream)
            ?? throw new InvalidOperationException("crisis-lines.json is empty.");
        _countries = _data.Countries;
    }

    /// <summary>The file's countries: the seed for the database.</summary>
    public IReadOnlyDictionary<string, CountryLines> Seed => _data.Countries;

    /// <summary>Swaps in the lines as admins keep them (one reference write: readers never see half).</summary>
    public void Replace(IReadOnlyDictionary<string, CountryLines> countries) => _countries = countries;

    public IEnumerable<string> CountriesWithLines => _countries.Keys;

    public InternationalDirectory International => _data.International;

    public CrisisResources For(string? countryCode)
    {
        var code = countryCode?.Trim().ToUpperInvariant();
        var name = code is { Length: 2 } ? CountryNames.Find(code) : null;
        if (code is not null && _countries.TryGetValue(code, out var country))
        {
            return new(code, name, country.Emergency, country.Emergency.Display, country.Lines, _data.International);
        }
        if (code is not null && EuCountries.Contains(code))
        {
            return new(code, name, _data.EuDefault.Emergency, _data.EuDefault.Emergency.Display, [], _data.International);
        }
        return new(name is null ? null : code, name, null, _data.International.Emergency, [], _data.International);
    }
}
