using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace OffBenzos.Community.Web.Authorization;

/// <summary>
/// Turns "you are staff but have no two-factor sign-in yet" and "confirm your e-mail first" into a
/// page that says what to do, instead of a bare access-denied.
/// </summary>
public sealed class StaffAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        var reasons = authorizeResult.AuthorizationFailure?.FailureReasons.Select(r => r.Message).ToList() ?? [];
        if (authorizeResult.Forbidden && reasons.Contains(StandingHandler.TwoFactorRequired))
        {
            context.Response.Redirect("/Identity/Account/Manage/TwoFactorAuthentication?required=staff");
            return Task.CompletedTask;
        }
        if (authorizeResult.Forbidden && reasons.Contains(StandingHandler.EmailUnconfirmed) && HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.Redirect("/Identity/Account/ConfirmEmailRequired");
            return Task.CompletedTask;
        }
        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
