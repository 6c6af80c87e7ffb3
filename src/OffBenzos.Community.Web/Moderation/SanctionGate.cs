using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using OffBenzos.Community.Web.Authorization;

namespace OffBenzos.Community.Web.Moderation;

/// <summary>
/// On every signed-in request: a suspended or banned member is signed out at once and shown why,
/// whatever page they had open. (The sign-in cookie alone would only be re-checked every 30 seconds.)
/// </summary>
public static class SanctionGate
{
    public const string BarredPath = "/Identity/Account/Suspended";
    public const string BarredMessageKey = "barred";

    public static IApplicationBuilder UseSanctionGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated == true
            && await context.RequestServices.GetRequiredService<CurrentAccount>().GetAsync() is { Bar: not null })
        {
            var bar = (await context.RequestServices.GetRequiredService<CurrentAccount>().GetAsync())!.Bar!;
            await context.SignOutAsync(IdentityConstants.ApplicationScheme);
            var tempData = context.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(context);
            tempData[BarredMessageKey] = SanctionService.Describe(bar) + " Reason: " + bar.Reason;
            tempData.Save();
            if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs"))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }
            context.Response.Redirect(BarredPath);
            return;
        }
        await next(context);
    });
}
