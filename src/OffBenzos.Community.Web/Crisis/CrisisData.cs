using System.Text.Json.Serialization;

namespace OffBenzos.Community.Web.Crisis;

// The shape of crisis-lines.json. Property names follow the file.

public sealed record CrisisData(
    [property: JsonPropertyName("international")] InternationalDirectory International,
    [property: JsonPropertyName("countries")] IReadOnlyDictionary<string, CountryLines> Countries,
    [property: JsonPropertyName("eu_default")] EuDefault EuDefault);

public sealed record InternationalDirectory(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("emergency")] string Emergency);

public sealed record EmergencyNumber(
    [property: JsonPropertyName("display")] string Display,
    [property: JsonPropertyName("tel")] string Tel);

public sealed record CountryLines(
    [property: JsonPropertyName("emergency")] EmergencyNumber Emergency,
    [property: JsonPropertyName("lines")] IReadOnlyList<CrisisLine> Lines);

public sealed record EuDefault(
    [property: JsonPropertyName("emergency")] EmergencyNumber Emergency,
    [property: JsonPropertyName("notes")] string Notes);

public sealed record CrisisLine(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("display")] string Display,
    [property: JsonPropertyName("tel")] string? Tel,
    [property: JsonPropertyName("sms")] string? Sms,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("hours")] string Hours,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("notes")] string? Notes,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("checked")] DateOnly Checked);
