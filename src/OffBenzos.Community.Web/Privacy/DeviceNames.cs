namespace OffBenzos.Community.Web.Privacy;

/// <summary>A rough name for the device behind a User-Agent: browser and system, nothing finer.</summary>
public static class DeviceNames
{
    public static string From(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "An unknown device";
        }
        var ua = userAgent;
        var browser =
            Has(ua, "Edg/") ? "Edge"
            : Has(ua, "OPR/") || Has(ua, "Opera") ? "Opera"
            : Has(ua, "SamsungBrowser") ? "Samsung Internet"
            : Has(ua, "Firefox/") || Has(ua, "FxiOS") ? "Firefox"
            : Has(ua, "Chrome/") || Has(ua, "CriOS") || Has(ua, "Chromium") ? "Chrome"
            : Has(ua, "Safari/") ? "Safari"
            : "A browser";
        var system =
            Has(ua, "Android") ? "Android"
            : Has(ua, "iPhone") ? "iPhone"
            : Has(ua, "iPad") ? "iPad"
            : Has(ua, "Windows") ? "Windows"
            : Has(ua, "Mac OS X") || Has(ua, "Macintosh") ? "Mac"
            : Has(ua, "CrOS") ? "ChromeOS"
            : Has(ua, "Linux") ? "Linux"
            : null;
        return system is null ? browser : $"{browser} on {system}";
    }

    private static bool Has(string ua, string part) => ua.Contains(part, StringComparison.OrdinalIgnoreCase);
}
