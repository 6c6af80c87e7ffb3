using Microsoft.Net.Http.Headers;
using OffBenzos.Community.Web.Accounts;

namespace OffBenzos.Community.Web.Crisis;

/// <summary>
/// Whose lines to show: the country in the member's profile, else the region of the browser's
/// preferred language (en-GB → GB), else none (the international directory).
/// </summary>
public static class CrisisCountry
{
    public static string? For(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var fromProfile = context.User.FindFirst(CommunityClaims.Country)?.Value;
        if (CountryNames.IsKnown(fromProfile))
        {
            return fromProfile!.ToUpperInvariant();
        }

        var languages = context.Request.GetTypedHeaders().AcceptLanguage;
        foreach (var language in languages.OrderByDescending(l => l.Quality ?? 1))
        {
            var tag = language.Value.Value;
            if (tag is null)
            {
                continue;
            }
            // The region is the two-letter subtag after the language: en-GB, pt-BR, zh-Hant-TW.
            var region = tag.Split('-').Skip(1).FirstOrDefault(p => p.Length == 2 && p.All(char.IsAsciiLetter));
            if (CountryNames.IsKnown(region))
            {
                return region!.ToUpperInvariant();
            }
        }
        return null;
    }

    public static CrisisResources ResourcesFor(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RequestServices.GetRequiredService<CrisisDirectory>().For(For(context));
    }
}
