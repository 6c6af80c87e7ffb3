using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace OffBenzos.Community.Tests.Infrastructure;

/// <summary>
/// Adds <c>/__test/policy/{name}</c> to the test app: answers 200 "allowed" or 403 "denied: reasons"
/// for the caller's own cookie, through the app's real authentication and authorization services.
/// Lets tests check policies whose pages arrive with later features.
/// </summary>
public sealed class PolicyProbe : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map("/__test/policy", branch => branch.Run(async context =>
        {
            var auth = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
            if (auth.Principal is not null)
            {
                context.User = auth.Principal;
            }
            var policy = context.Request.Path.Value!.Trim('/');
            var result = await context.RequestServices.GetRequiredService<IAuthorizationService>().AuthorizeAsync(context.User, policy);
            context.Response.StatusCode = result.Succeeded ? 200 : 403;
            await context.Response.WriteAsync(result.Succeeded ? "allowed"
                : "denied: " + string.Join(",", result.Failure?.FailureReasons.Select(r => r.Message) ?? []));
        }));
        next(app);
    };
}
