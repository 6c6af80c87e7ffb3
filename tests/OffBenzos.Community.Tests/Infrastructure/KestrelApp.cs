using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using OffBenzos.Community.Web.Accounts;

namespace OffBenzos.Community.Tests.Infrastructure;

/// <summary>
/// One instance of the real app on a real Kestrel port on 127.0.0.1, on a database file and (when
/// given) a Redis shared with other instances: a community served by several instances.
/// </summary>
public sealed class KestrelApp : CommunityApp
{
    private readonly string _databaseFile;

    public KestrelApp(string databaseFile, string? redis)
    {
        _databaseFile = databaseFile;
        if (redis is not null)
        {
            Settings["Redis:Configuration"] = redis;
        }
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    public Uri BaseAddress { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:Community", $"Data Source={_databaseFile}");
    }

    /// <summary>Signs in through the real form over HTTP and returns the sign-in cookie.</summary>
    public async Task<string> SignInOverHttpAsync(TestUser user)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true };
        using var browser = new HttpClient(handler) { BaseAddress = BaseAddress };
        var response = await browser.SubmitFormAsync("/Identity/Account/Login", new()
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = user.Password,
        });
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AccountsSetup.CookieName + "=", StringComparison.Ordinal));
        return cookie.Split(';')[0];
    }

    /// <summary>A started chat client over WebSockets, as a browser would connect.</summary>
    public async Task<ChatTestClient> ChatOverNetworkAsync(string cookie)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress, "/hubs/chat"), o => o.Headers["Cookie"] = cookie)
            .Build();
        var client = new ChatTestClient(connection);
        await connection.StartAsync();
        return client;
    }
}
