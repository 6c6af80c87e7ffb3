using System.Net;
using System.Security.Claims;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OffBenzos.Community.Web.Authorization;
using OffBenzos.Community.Web.Moderation;
using StackExchange.Redis;

namespace OffBenzos.Community.Web.Web;

public static class WebUiSetup
{
    public const string AccountRateLimit = "account";
    public const string DraftRateLimit = "drafts";

    public static WebApplicationBuilder AddWebUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(o =>
        {
            // Staff pages deny by default: everything under /Admin needs the Admin policy.
            o.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
            o.Conventions.AuthorizeAreaFolder("Identity", "/Account/Manage");
            // Moderation pages also check the moderator's scope (site or group) themselves.
            o.Conventions.AuthorizeFolder("/Moderation");
        });
        builder.Services.Configure<RouteOptions>(o =>
        {
            o.LowercaseUrls = false;
        });

        var redis = builder.Configuration["Redis:Configuration"];
        // Keys made from now on use AES-256-GCM rather than the default AES-CBC with an HMAC: every
        // signed-in request opens its cookie and antiforgery token and seals a new token, and on Linux
        // GCM does each in about half the time (docs/benchmarks.md). A key keeps the algorithm it was
        // made with: one made before goes on sealing until the ring replaces it near its end, and
        // what it sealed still opens after that.
        var keys = builder.Services.AddDataProtection().SetApplicationName("OffBenzos.Community")
            .UseCryptographicAlgorithms(new AuthenticatedEncryptorConfiguration { EncryptionAlgorithm = EncryptionAlgorithm.AES_256_GCM });
        if (!string.IsNullOrWhiteSpace(redis))
        {
            // Several instances share one key ring so any of them can read any cookie. One connection,
            // opened on first use (not while registering services), reconnecting by itself if Redis blips.
            var options = ConfigurationOptions.Parse(redis);
            options.AbortOnConnectFail = false;
            var connection = new Lazy<ConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(options));
            keys.PersistKeysToStackExchangeRedis(() => connection.Value.GetDatabase(), "offbenzos:dataprotection-keys");
        }
        else if (builder.Configuration["DataProtection:KeysFolder"] is { Length: > 0 } folder)
        {
            keys.PersistKeysToFileSystem(new DirectoryInfo(Path.GetFullPath(folder, builder.Environment.ContentRootPath)));
        }

        var limits = builder.Configuration.GetSection("RateLimits");
        var accountPerMinute = limits.GetValue("AccountPostsPerMinute", 10);
        var postsPerMinute = limits.GetValue("PostsPerMinute", 60);
        var draftSavesPerMinute = limits.GetValue("DraftSavesPerMinute", 120);
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Every write (POST) is limited per client address; reading never is.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsPost(context.Request.Method)
                    ? RateLimitPartition.GetFixedWindowLimiter(ClientKey(context), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = postsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                    })
                    : RateLimitPartition.GetNoLimiter(""));
            // Sign-in, registration and reset forms: tighter, against guessing and mail bombing.
            o.AddPolicy(AccountRateLimit, context =>
                HttpMethods.IsPost(context.Request.Method)
                    ? RateLimitPartition.GetFixedWindowLimiter(ClientKey(context), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = accountPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                    })
                    : RateLimitPartition.GetNoLimiter(""));
            // The composer's background saves (PUT, so outside the limit on POSTs): per member, well above
            // what typing sends (one save after each pause of 1.5 s), far below a loop's.
            o.AddPolicy(DraftRateLimit, context =>
                RateLimitPartition.GetFixedWindowLimiter(context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? ClientKey(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = draftSavesPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                }));
            o.OnRejected = async (context, token) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(
                    "You're going a little fast. Please wait a minute and try again; nothing you wrote has been sent yet.", token);
            };
        });
        return builder;
    }

    private static string ClientKey(HttpContext context) =>
        context.Connection.RemoteIpAddress?.ToString() ?? IPAddress.Loopback.ToString();

    public static WebApplication UseWebUi(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
        }
        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseMiddleware<Chat.HubOriginCheck>();
        app.UseRouting();
        app.UseAuthentication();
        // After authentication: the drafts' limit counts per member, so it needs to know who is asking.
        app.UseRateLimiter();
        app.UseSanctionGate();
        app.UseMiddleware<Privacy.ConsentGate>();
        app.UseAuthorization();
        return app;
    }

    /// <summary><c>/healthz</c>: 200 with the database reachable, 503 otherwise; JSON, no detail beyond status.</summary>
    public static WebApplication MapHealth(this WebApplication app)
    {
        // Liveness: the process answers, nothing else checked. Also the benchmarks' control endpoint.
        app.MapGet("/ping", () => Results.Text("ok"));
        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            ResponseWriter = async (context, report) =>
            {
                context.Response.ContentType = "application/json";
                await JsonSerializer.SerializeAsync(context.Response.Body, new
                {
                    status = report.Status.ToString(),
                    checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
                });
            },
        });
        return app;
    }
}
