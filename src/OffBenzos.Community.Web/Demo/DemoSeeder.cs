using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Authorization;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Groups;

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

    private static readonly (string Name, string Slug, string Description, GroupVisibility Visibility, GroupJoinPolicy JoinPolicy)[] DemoGroups =
    [
        ("Tapering together", "tapering-together", "Day-to-day support while you reduce: symptoms, windows and waves, and what helped.", GroupVisibility.Public, GroupJoinPolicy.Open),
        ("Family and friends", "family-and-friends", "For the people beside someone who is tapering: how to help, and how to look after yourself.", GroupVisibility.Public, GroupJoinPolicy.Open),
        ("Night owls", "night-owls", "Can't sleep? Neither can we. Gentle company through the small hours.", GroupVisibility.Public, GroupJoinPolicy.Open),
        ("Life after benzos", "life-after-benzos", "For members who have finished their taper: healing, setbacks and hope.", GroupVisibility.MembersOnly, GroupJoinPolicy.Approval),
    ];

    private const string DemoRules = """
        Be kind: everyone here is going through something hard.
        Share your experience, not medical instructions: never tell someone to stop a medicine suddenly.
        Keep contact on the site: no phone numbers, e-mails or invitations elsewhere.
        No selling or sourcing of any medicine.
        If you are worried about someone, flag the post: a moderator will look at once.
        """;

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

        foreach (var (name, slug, description, visibility, joinPolicy) in DemoGroups)
        {
            db.Groups.Add(new Group
            {
                Name = name,
                Slug = slug,
                Description = description,
                Rules = DemoRules,
                Visibility = visibility,
                JoinPolicy = joinPolicy,
                CreatedAt = clock.GetUtcNow(),
            });
        }
        await db.SaveChangesAsync();

        // Written straight to the console, once: these are sign-in details for a local demo only.
        Console.WriteLine();
        Console.WriteLine("Demo community created. Sign in at /Identity/Account/Login with (shown only this once):");
        lines.ForEach(Console.WriteLine);
        Console.WriteLine("Staff (Moderator, Admin) will be asked to set up an authenticator app before staff pages open.");
        Console.WriteLine();
    }
}
