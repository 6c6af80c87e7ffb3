using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Authorization;
using OffBenzos.Community.Web.Data;

namespace OffBenzos.Community.Tests.Infrastructure;

/// <summary>
/// The real app on its own fresh database: a SQLite file in a temporary folder (or, when
/// OFFBENZOS_TEST_SQLSERVER holds a connection string, a new database on that SQL Server), with its
/// own e-mail outbox folder and a clock tests can move.
/// </summary>
public class CommunityApp : WebApplicationFactory<Program>
{
    public const string SqlServerVariable = "OFFBENZOS_TEST_SQLSERVER";
    public const string DefaultPassword = "calm river lantern autumn";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "offbenzos-tests", Guid.NewGuid().ToString("N"));
    private readonly string? _sqlServer = SqlServerConnectionString();
    private int _userNumber;

    public TestClock Clock { get; } = new();

    public string OutboxFolder => Path.Combine(_root, "outbox");

    /// <summary>Configuration for this app; change before the first client is created.</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Community:SeedDemoContent"] = "false",
        ["RateLimits:AccountPostsPerMinute"] = "1000",
        ["RateLimits:PostsPerMinute"] = "1000",
        ["RateLimits:MemberPostsPerHour"] = "1000",
        ["RateLimits:NewMemberPostsPerHour"] = "1000",
        // Holding every member's first posts is tested on its own; elsewhere it would only get in the way.
        ["Moderation:HoldFirstPosts"] = "0",
        // Chat sends are limited per member; the limit has its own test.
        ["Chat:MessagesPerMinute"] = "10000",
        ["Chat:SendBurst"] = "1000",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    public bool UsesSqlServer => _sqlServer is not null;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_root);
        builder.UseEnvironment("Development");
        var settings = new Dictionary<string, string?>(Settings)
        {
            ["Email:OutboxFolder"] = OutboxFolder,
        };
        if (_sqlServer is not null)
        {
            settings["Database:Provider"] = "SqlServer";
            settings["Database:MigrateOnStartup"] = "true";
            settings["ConnectionStrings:Community"] = _sqlServer;
        }
        else
        {
            settings["ConnectionStrings:Community"] = $"Data Source={Path.Combine(_root, "community.db")}";
        }
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter, PolicyProbe>();
        });
    }

    /// <summary>A browser-like client: HTTPS (the cookies are __Host- and Secure), cookies kept, redirects not followed.</summary>
    public HttpClient CreateBrowser() => CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    public sealed record TestUser(string Id, string Email, string DisplayName, string Password);

    /// <summary>Creates an account directly (as registration would leave it after confirmation).</summary>
    public async Task<TestUser> CreateUserAsync(
        string? displayName = null,
        bool confirmed = true,
        string? country = null,
        params string[] roles)
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
            EmailConfirmed = confirmed,
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
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CommunityDb>());
    }

    public async Task<T> WithUsersAsync<T>(Func<UserManager<CommunityUser>, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserManager<CommunityUser>>());
    }

    /// <summary>A signed-in browser for <paramref name="user"/>, through the real sign-in form.</summary>
    public async Task<HttpClient> SignedInBrowserAsync(TestUser user) => (await SignInAsync(user)).Browser;

    /// <summary>Signs in through the form; returns the browser and its sign-in cookie (for the SignalR client).</summary>
    public async Task<(HttpClient Browser, string Cookie)> SignInAsync(TestUser user)
    {
        var browser = CreateBrowser();
        var response = await browser.SubmitFormAsync("/Identity/Account/Login", new()
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = user.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AccountsSetup.CookieName + "=", StringComparison.Ordinal));
        return (browser, cookie.Split(';')[0]);
    }

    /// <summary>A real SignalR client for a hub (the forum's by default), signed in with <paramref name="cookie"/> (not started).</summary>
    public HubConnection ConnectHub(string cookie, string hub = "/hubs/forum", string? origin = null) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(Server.BaseAddress, hub), o =>
            {
                o.HttpMessageHandlerFactory = _ => Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                if (cookie.Length > 0)
                {
                    o.Headers["Cookie"] = cookie;
                }
                if (origin is not null)
                {
                    o.Headers["Origin"] = origin;
                }
            })
            .Build();

    /// <summary>A started chat client for <paramref name="cookie"/>.</summary>
    public async Task<HubConnection> ConnectChatAsync(string cookie, string? origin = null)
    {
        var connection = ConnectHub(cookie, "/hubs/chat", origin);
        await connection.StartAsync();
        return connection;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing)
        {
            return;
        }
        if (_sqlServer is not null)
        {
            using var db = new SqlServerCommunityDb(new DbContextOptionsBuilder<SqlServerCommunityDb>().UseSqlServer(_sqlServer).Options);
            db.Database.EnsureDeleted();
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

    private static string? SqlServerConnectionString()
    {
        var configured = Environment.GetEnvironmentVariable(SqlServerVariable);
        if (string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }
        // A database of its own for each app, dropped at the end.
        return new SqlConnectionStringBuilder(configured) { InitialCatalog = "OffBenzosTest_" + Guid.NewGuid().ToString("N") }.ConnectionString;
    }
}
