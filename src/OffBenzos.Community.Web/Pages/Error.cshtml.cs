using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OffBenzos.Community.Web.Pages;

[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Something went wrong";
    public string Message { get; private set; } = "Sorry, something went wrong on our side. Anything you were writing is kept as a draft where the page supports it. Please try again in a moment.";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        switch (code)
        {
            case 404:
                Title = "Page not found";
                Message = "We couldn't find that page. It may have moved, or the link may be incomplete.";
                break;
            case 403:
                Title = "Not available to you";
                Message = "You don't have access to this page.";
                break;
            case 429:
                Title = "Please slow down";
                Message = "You're going a little fast. Please wait a minute and try again.";
                break;
        }
    }
}
