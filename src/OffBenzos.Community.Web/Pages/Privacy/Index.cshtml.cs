using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using OffBenzos.Community.Web.Privacy;
using OffBenzos.Community.Web.Sessions;

namespace OffBenzos.Community.Web.Pages.Privacy;

/// <summary>The privacy page in plain words, with the retention periods this site is actually configured with.</summary>
public sealed class IndexModel(IOptions<PrivacyOptions> privacy, IOptions<LiveSessionOptions> sessions) : PageModel
{
    public PrivacyOptions Privacy => privacy.Value;
    public LiveSessionOptions Sessions => sessions.Value;

    public void OnGet()
    {
    }
}
