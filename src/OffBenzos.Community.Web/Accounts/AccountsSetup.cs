using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OffBenzos.Community.Web.Data;

namespace OffBenzos.Community.Web.Accounts;

public static class AccountsSetup
{
    public const string CookieName = "__Host-OffBenzos";
    private const string SignedInAtItem = "offbenzos.signed-in-at";

    /// <summary>ASP.NET Core Identity with this community's hardened settings.</summary>
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(CommunityOptions.Section);
        builder.Services.Configure<CommunityOptions>(section);
        var community = section.Get<CommunityOptions>() ?? new();

        builder.Services.TryAddSingletonTimeProvider();
        builder.Services
            .AddIdentity<CommunityUser, IdentityRole>(o =>
            {
                // Long passphrases, no composition rules (NIST SP 800-63B); common ones refused by PassphraseValidator.
                o.Password.RequiredLength = PassphraseValidator.MinLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;

                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = SignInGuard.MaxFailedAttempts;
                o.Lockout.DefaultLockoutTimeSpan = SignInGuard.LockoutDuration;

                o.User.RequireUniqueEmail = true;
                // The user name is the e-mail address, whatever characters it has.
                o.User.AllowedUserNameCharacters = "";

                // Members may sign in to read before confirming; writing needs Policies.ConfirmedMember.
                o.SignIn.RequireConfirmedEmail = false;
                o.SignIn.RequireConfirmedAccount = false;

                o.Tokens.AuthenticatorTokenProvider = OneTimeAuthenticatorTokenProvider.Name;
            })
            .AddEntityFrameworkStores<CommunityDb>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OneTimeAuthenticatorTokenProvider>(OneTimeAuthenticatorTokenProvider.Name)
            .AddSignInManager<CommunitySignInManager>()
            .AddPasswordValidator<PassphraseValidator>()
            .AddClaimsPrincipalFactory<CommunityClaimsPrincipalFactory>();

        // OWASP's 2023 figure for PBKDF2-HMAC-SHA512; older hashes are re-hashed at the next sign-in.
        builder.Services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);

        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = community.SecurityStampValidationInterval);
        builder.Services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(24));

        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.Path = "/";
            o.ExpireTimeSpan = community.SignInSlidingExpiry;
            o.SlidingExpiration = true;
            o.LoginPath = "/Identity/Account/Login";
            o.LogoutPath = "/Identity/Account/Logout";
            o.AccessDeniedPath = "/Identity/Account/AccessDenied";
            // Scripts and hubs get a status code, not a sign-in page.
            o.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
            o.Events.OnSigningIn = context =>
            {
                // Remember when the passphrase was entered; refreshes keep the first value.
                context.Properties.Items.TryAdd(SignedInAtItem,
                    context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
                return Task.CompletedTask;
            };
            o.Events.OnValidatePrincipal = async context =>
            {
                var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                if (!context.Properties.Items.TryGetValue(SignedInAtItem, out var value)
                    || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var signedInAt)
                    || now - signedInAt > community.SignInAbsoluteExpiry)
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                // The stamp is checked once an interval: within it, nothing more to do. Asked here because
                // the validator itself is built (with a sign-in manager and user manager) before it looks
                // at the time: a tenth of a signed-in /ping's time (docs/benchmarks.md).
                var interval = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value.ValidationInterval;
                if (context.Properties.IssuedUtc is { } issued && now - issued <= interval)
                {
                    return;
                }
                // In a scope of its own: the validator's sign-in and user managers, and the member's user
                // row they load, would otherwise stay in the request's scope, which for a hub
                // connection's request lasts as long as the connection (measured: docs/benchmarks.md, S4).
                await using var scope = context.HttpContext.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ISecurityStampValidator>().ValidateAsync(context);
            };
        });
        foreach (var scheme in new[] { IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme, IdentityConstants.ExternalScheme })
        {
            builder.Services.Configure<CookieAuthenticationOptions>(scheme, o =>
            {
                o.Cookie.Name = $"__Host-OffBenzos.{scheme.Replace("Identity.", "", StringComparison.Ordinal)}";
                o.Cookie.HttpOnly = true;
                o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.Path = "/";
            });
        }

        builder.Services.AddScoped<SignInGuard>();
        builder.Services.AddScoped<AccountService>();
        builder.Services.AddMemoryCache();
        return builder;
    }

    private static Task ApiAwareRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }
        return Task.CompletedTask;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
