namespace OffBenzos.Community.Web.Web;

/// <summary>
/// Security headers on every response. The CSP allows scripts only from this origin or with the
/// request's nonce, no plugins, no framing, no <c>base</c> tricks, and no request to another origin.
/// </summary>
public static class SecurityHeaders
{
    public static WebApplicationBuilder AddSecurityHeaders(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CspNonce>();
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        builder.Services.AddAntiforgery(o =>
        {
            // Not __Host-/Always like the sign-in cookie: antiforgery refuses to run at all on plain
            // http with Always, and the app is served on http://localhost in development and by the
            // compose stack. The token is useless without the matching form field and session.
            o.Cookie.Name = "OffBenzos.Antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
            o.Cookie.Path = "/";
        });
        return builder;
    }

    public static IApplicationBuilder UseSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        return app.Use((context, next) =>
        {
            var nonce = context.RequestServices.GetRequiredService<CspNonce>().Value;
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy =
                "default-src 'self'; " +
                $"script-src 'self' 'nonce-{nonce}'; " +
                "style-src 'self'; " +
                "img-src 'self' data:; " +
                "font-src 'self'; " +
                "connect-src 'self'; " +
                "media-src 'self'; " +
                "object-src 'none'; " +
                "base-uri 'none'; " +
                "frame-ancestors 'none'; " +
                "form-action 'self'";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";
            return next(context);
        });
    }
}
