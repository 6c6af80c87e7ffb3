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
        var hub = context.Request.Path.StartsWithSegments("/hubs");
        // A request of a hub connection that already exists (a long poll, or the WebSocket that
        // follows negotiation) carries its id, and the hub decides for it: it refuses a barred
        // member's connection and every call. A long-polling page must still be able to collect the
        // notice that its session has ended, or it would only see a failed poll. Negotiating a new
        // connection (no id) is refused here.
        if (hub && context.Request.Query.ContainsKey("id"))
        {
            await next(context);
            return;
        }
        if (context.User.Identity?.IsAuthenticated == true && await BarOfAsync(context, hub) is { } bar)
        {
            await context.SignOutAsync(IdentityConstants.ApplicationScheme);
            var tempData = context.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(context);
            tempData[BarredMessageKey] = SanctionService.Describe(bar) + " Reason: " + bar.Reason;
            tempData.Save();
            if (hub || context.Request.Path.StartsWithSegments("/api"))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }
            context.Response.Redirect(BarredPath);
            return;
        }
        await next(context);
    });

    private static async Task<Sanction?> BarOfAsync(HttpContext context, bool hub)
    {
        if (!hub)
        {
            // The page reads the same standing later in the request, from this request's scope.
            return (await context.RequestServices.GetRequiredService<CurrentAccount>().GetAsync())?.Bar;
        }
        // A hub connection's request lasts as long as the connection, and so does its scope: the
        // standing (and the database context it rents) is read in a scope of its own, ended here.
        // Each hub call reads the standing again in its own scope.
        await using var scope = context.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<CurrentAccount>().GetAsync())?.Bar;
    }
}
