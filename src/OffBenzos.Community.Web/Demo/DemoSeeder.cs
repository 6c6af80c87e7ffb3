using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Authorization;
using OffBenzos.Community.Web.Data;

namespace OffBenzos.Community.Web.Demo;

/// <summary>
/// In Development, on a database with no accounts, creates demo accounts so a newcomer sees a living
/// community. Passphrases are random and printed once to the console; they are never stored in code.
/// </summary>
public static class DemoSeeder
{
    private sealed record DemoAccount(string Email, string DisplayName, string Country, string? Role);

    private static readonly DemoAccount[] Accounts =
    [
        new("admin@demo.offbenzos.invalid", "Alex Moreno", "GB", SiteRoles.Admin),
        new("moderator@demo.offbenzos.invalid", "Sam Okafor", "US", SiteRoles.Moderator),
        new("coach@demo.offbenzos.invalid", "Maya Lindqvist", "IE", SiteRoles.Coach),
        new("willow@demo.offbenzos.invalid", "Willow", "GB", null),
        new("river@demo.offbenzos.invalid", "QuietRiver", "US", null),
        new("steady@demo.offbenzos.invalid", "SlowAndSteady", "AU", null),
        new("owl@demo.offbenzos.invalid", "NightOwl Tapering", "CA", null),
    ];

    public static async Task SeedDemoContentAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<CommunityOptions>>().Value;
        if (!app.Environment.IsDevelopment() || !options.SeedDemoContent)
        {
            return;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommunityDb>();
        if (await db.Users.AnyAsync())
        {
            return;
        }
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CommunityUser>>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var lines = new List<string>();
        foreach (var account in Accounts)
        {
            var passphrase = "demo-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('/', '-').Replace('+', '_');
            var user = new CommunityUser
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                DisplayName = account.DisplayName,
                DisplayNameKey = DisplayNames.Key(account.DisplayName),
                CountryCode = account.Country,
                CreatedAt = clock.GetUtcNow(),
            };
            var created = await users.CreateAsync(user, passphrase);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {account.Email}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
            }
            await users.AddToRoleAsync(user, SiteRoles.Member);
            if (account.Role is not null)
            {
                await users.AddToRoleAsync(user, account.Role);
            }
            lines.Add($"  {account.Role ?? "Member",-10} {account.Email,-36} {passphrase}");
        }

        // Written straight to the console, once: these are sign-in details for a local demo only.
        Console.WriteLine();
        Console.WriteLine("Demo community created. Sign in at /Identity/Account/Login with (shown only this once):");
        lines.ForEach(Console.WriteLine);
        Console.WriteLine("Staff (Moderator, Admin) will be asked to set up an authenticator app before staff pages open.");
        Console.WriteLine();
    }
}
