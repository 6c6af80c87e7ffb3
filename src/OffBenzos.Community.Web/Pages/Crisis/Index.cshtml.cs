using Microsoft.AspNetCore.Mvc.RazorPages;
using OffBenzos.Community.Web.Crisis;

namespace OffBenzos.Community.Web.Pages.Crisis;

/// <summary>Every line for the reader's country (or one they pick), tap-to-call and tap-to-text.</summary>
public sealed class IndexModel(CrisisDirectory directory) : PageModel
{
    public CrisisResources Resources { get; private set; } = null!;

    public void OnGet(string? country)
    {
        var chosen = CountryNames.IsKnown(country) ? country : CrisisCountry.For(HttpContext);
        Resources = directory.For(chosen);
    }
}
