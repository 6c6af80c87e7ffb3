using System.Globalization;
using System.Text.Json;

namespace OffBenzos.Community.Web.Crisis;

/// <summary>
/// The crisis lines carried from shared/data/crisis-lines.json (sources and checked dates inside),
/// loaded once. 911 appears only where the data puts it: the US and Canada.
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

    public CrisisDirectory()
    {
        using var stream = typeof(CrisisDirectory).Assembly.GetManifestResourceStream("crisis-lines.json")
            ?? throw new InvalidOperationException("The crisis-lines.json resource is missing from the build.");
        _data = JsonSerializer.Deserialize<CrisisData>(stream)
            ?? throw new InvalidOperationException("crisis-lines.json is empty.");
    }

    public IEnumerable<string> CountriesWithLines => _data.Countries.Keys;

    public InternationalDirectory International => _data.International;

    public CrisisResources For(string? countryCode)
    {
        var code = countryCode?.Trim().ToUpperInvariant();
        var name = code is { Length: 2 } ? CountryNames.Find(code) : null;
        if (code is not null && _data.Countries.TryGetValue(code, out var country))
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
