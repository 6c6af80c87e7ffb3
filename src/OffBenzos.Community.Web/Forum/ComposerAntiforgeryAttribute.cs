using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace OffBenzos.Community.Web.Forum;

/// <summary>
/// Antiforgery for composer pages that tolerates one case: the composer's own submit arriving after
/// the member's session ended. Its form token was made for the signed-in member, so it no longer
/// validates, yet the words must not be lost. That submit (default POST handler, signed out) is let
/// through only with this site's SameSite=Strict antiforgery cookie present, which a cross-site
/// request never carries; the page then keeps the text and asks the member to sign in. Every other
/// POST is validated as usual. Used together with <see cref="IgnoreAntiforgeryTokenAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ComposerAntiforgeryAttribute : Attribute, IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (HttpMethods.IsPost(http.Request.Method))
        {
            var signedOutComposerSubmit = string.IsNullOrEmpty(context.HandlerMethod?.Name)
                && http.User.Identity?.IsAuthenticated != true
                && http.Request.Cookies.ContainsKey(AntiforgeryCookieName(http));
            if (!signedOutComposerSubmit)
            {
                var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
                if (!await antiforgery.IsRequestValidAsync(http))
                {
                    context.Result = new BadRequestResult();
                    return;
                }
            }
        }
        await next();
    }

    private static string AntiforgeryCookieName(HttpContext http) =>
        http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AntiforgeryOptions>>().Value.Cookie.Name!;
}
