using Microsoft.Extensions.Options;

namespace OffBenzos.Community.Web.Chat;

/// <summary>
/// Refuses hub connections started by pages of other sites. Browsers send Origin on the negotiate
/// request and the WebSocket upgrade; a page elsewhere could otherwise open a connection with the
/// member's cookie (WebSockets are not covered by CORS). Clients that send no Origin (not browsers)
/// still need the sign-in cookie.
/// </summary>
public sealed class HubOriginCheck(RequestDelegate next, IOptions<ChatOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Path.StartsWithSegments("/hubs") && context.Request.Headers.Origin is { Count: > 0 } origins && !Allowed(context, origins.ToString()))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return context.Response.WriteAsync("Connections from other sites are not allowed.");
        }
        return next(context);
    }

    private bool Allowed(HttpContext context, string origin)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri))
        {
            return false;
        }
        // The scheme may differ behind a TLS-terminating proxy; the host and port are the site's own.
        if (string.Equals(uri.Authority, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        return options.Value.AllowedOrigins.Any(a => string.Equals(a.TrimEnd('/'), origin.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
    }
}
