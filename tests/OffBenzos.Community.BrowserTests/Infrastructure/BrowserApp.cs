using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Authorization;
using OffBenzos.Community.Web.Data;

namespace OffBenzos.Community.BrowserTests.Infrastructure;

/// <summary>
/// The real app on a real Kestrel port on 127.0.0.1, on a fresh SQLite file of its own, with its own
/// e-mail outbox and a clock tests can move. Browsers reach it as http://localhost:{port}: the
/// sign-in cookie is __Host- and Secure, which Chromium accepts over plain http on localhost only.
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>
{
    public const string DefaultPassword = "calm river lantern autumn";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "offbenzos-browser-tests", Guid.NewGuid().ToString("N"));
    private int _userNumber;

    public BrowserApp(IReadOnlyDictionary<string, string?>? settings = null)
    {
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            Settings[key] = value;
        }
        // Loopback only, on a port of its own: nothing outside this machine can reach a test app.
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        BaseAddress = new Uri($"http://localhost:{address.Port}");
    }

    /// <summary>Where a browser finds the app: http://localhost:{port}.</summary>
    public Uri BaseAddress { get; }

    public TestClock Clock { get; } = new();

    public string OutboxFolder => Path.Combine(_root, "outbox");

    private Dictionary<string, string?> Settings { get; } = new()
    {
        ["Community:SeedDemoContent"] = "false",
        ["RateLimits:AccountPostsPerMinute"] = "1000",
        ["RateLimits:PostsPerMinute"] = "1000",
        ["RateLimits:MemberPostsPerHour"] = "1000",
        ["RateLimits:NewMemberPostsPerHour"] = "1000",
        ["Moderation:HoldFirstPosts"] = "0",
        ["Chat:MessagesPerMinute"] = "10000",
        ["Chat:SendBurst"] = "1000",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_root);
        builder.UseEnvironment("Development");
        var settings = new Dictionary<string, string?>(Settings)
        {
            ["Email:OutboxFolder"] = OutboxFolder,
            ["ConnectionStrings:Community"] = $"Data Source={Path.Combine(_root, "community.db")}",
        };
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public sealed record TestUser(string Id, string Email, string DisplayName, string Password);

    /// <summary>Creates an account directly, as registration leaves it after confirmation.</summary>
    public async Task<TestUser> CreateUserAsync(string? displayName = null, string? country = null, params string[] roles)
    {
        var number = Interlocked.Increment(ref _userNumber);
        displayName ??= $"Member{(char)('a' + number % 26)}{(char)('a' + number / 26 % 26)}";
        var email = $"member{number}-{Guid.NewGuid():N}@example.org";
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CommunityUser>>();
        var user = new CommunityUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            DisplayNameKey = DisplayNames.Key(displayName),
            CountryCode = country,
            CreatedAt = Clock.GetUtcNow(),
        };
        var result = await users.CreateAsync(user, DefaultPassword);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, SiteRoles.Member);
        // As registration leaves it: consent to the current health-data text.
        var db = scope.ServiceProvider.GetRequiredService<CommunityDb>();
        db.ConsentRecords.Add(new ConsentRecord { UserId = user.Id, Kind = ConsentKinds.HealthData, Version = ConsentKinds.HealthDataVersion, GivenAt = Clock.GetUtcNow() });
        await db.SaveChangesAsync();
        foreach (var role in roles)
        {
            await users.AddToRoleAsync(user, role);
        }
        return new TestUser(user.Id, email, displayName, DefaultPassword);
    }

    public async Task<T> WithDbAsync<T>(Func<CommunityDb, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CommunityDb>());
    }

    public async Task<T> WithServiceAsync<TService, T>(Func<TService, Task<T>> action)
        where TService : notnull
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>Turns on two-factor sign-in (as the set-up page would) and returns the authenticator key.</summary>
    public Task<string> EnableTwoFactorAsync(TestUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return WithServiceAsync<UserManager<CommunityUser>, string>(async users =>
        {
            var account = await users.FindByIdAsync(user.Id);
            await users.ResetAuthenticatorKeyAsync(account!);
            await users.SetTwoFactorEnabledAsync(account!, true);
            return (await users.GetAuthenticatorKeyAsync(account!))!;
        });
    }

    /// <summary>The code an authenticator app shows now (on the app's clock).</summary>
    public string AuthenticatorCode(string key) => Totp.Code(Base32.Decode(key), Totp.TimeStepAt(Clock.GetUtcNow()));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing)
        {
            return;
        }
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS.
        }
    }
}
