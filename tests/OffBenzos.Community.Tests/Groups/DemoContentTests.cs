using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Tests.Infrastructure;
using OffBenzos.Community.Web.Authorization;

namespace OffBenzos.Community.Tests.Groups;

public sealed class DemoContentTests
{
    [Fact]
    public async Task A_first_run_in_development_creates_a_living_demo_community()
    {
        using var app = new CommunityApp();
        app.Settings["Community:SeedDemoContent"] = "true";

        var directory = await app.CreateBrowser().GetPageAsync("/groups");

        Assert.True(directory.QuerySelectorAll(".card").Length >= 3);
        var roles = await app.WithDbAsync(db => db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync());
        Assert.Contains(SiteRoles.Admin, roles);
        Assert.Contains(SiteRoles.Moderator, roles);
        Assert.Contains(SiteRoles.Coach, roles);
        Assert.True(await app.WithDbAsync(db => db.Users.CountAsync(u => u.EmailConfirmed)) >= 6);
    }

    [Fact]
    public async Task Production_never_gets_demo_accounts()
    {
        using var app = new ProductionApp();
        app.Settings["Community:SeedDemoContent"] = "true";

        _ = app.Services;

        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync()));
        Assert.False(await app.WithDbAsync(db => db.Groups.AnyAsync()));
    }

    private sealed class ProductionApp : CommunityApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }
}
