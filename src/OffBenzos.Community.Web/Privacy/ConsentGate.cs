using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Authorization;
using OffBenzos.Community.Web.Data;

namespace OffBenzos.Community.Web.Privacy;

/// <summary>
/// A signed-in member who has not agreed to the current health-data consent text is asked to,
/// before anything else (the crisis page, the privacy page, their data and deleting their account
/// stay open). The version they agreed to rides in the sign-in cookie, refreshed with the security
/// stamp check, so the usual request costs no query.
/// </summary>
public sealed class ConsentGate(RequestDelegate next, IOptions<CommunityOptions> options)
{
    private static readonly string[] AlwaysOpen =
    [
        "/consent", "/privacy", "/crisis", "/Error", "/healthz", "/hubs",
        "/Identity/Account/Logout", "/Identity/Account/Manage/Privacy", "/Identity/Account/Manage/DeleteAccount",
    ];

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var current = options.Value.HealthDataConsentVersion;
        if (context.User.Identity?.IsAuthenticated != true
            || context.User.FindFirst(CommunityClaims.Consent)?.Value == current
            || AlwaysOpen.Any(path => context.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase)))
        {
            await next(context);
            return;
        }
        // The services are asked for here, not as InvokeAsync's parameters: those are built for every
        // request, which cost a third of an anonymous request's time (measured). The account is the one
        // the sanction gate has already read for this request.
        var userId = (await context.RequestServices.GetRequiredService<CurrentAccount>().GetAsync())?.UserId;
        var db = context.RequestServices.GetRequiredService<CommunityDb>();
        // The cookie may be older than a consent given a moment ago (or on another device).
        if (userId is null || await db.ConsentRecords.AnyAsync(c => c.UserId == userId && c.Kind == ConsentKinds.HealthData && c.Version == current))
        {
            await next(context);
            return;
        }
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsync("Please agree to the updated privacy terms first (open any page).");
            return;
        }
        var back = context.Request.Path + context.Request.QueryString;
        context.Response.Redirect("/consent?returnUrl=" + Uri.EscapeDataString(HttpMethods.IsGet(context.Request.Method) ? back : "/"));
    }
}
