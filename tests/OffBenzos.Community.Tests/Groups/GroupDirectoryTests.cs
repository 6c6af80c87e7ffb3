using System.Net;
using OffBenzos.Community.Tests.Infrastructure;
using OffBenzos.Community.Web.Groups;

namespace OffBenzos.Community.Tests.Groups;

public sealed class GroupDirectoryTests : IDisposable
{
    private readonly CommunityApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_directory_lists_groups_with_their_descriptions_and_each_has_a_readable_address()
    {
        await _app.WithDbAsync(db =>
        {
            db.Groups.Add(new Group { Name = "Night owls", Slug = "night-owls", Description = "Company through the small hours.", Rules = "Be kind.\nNo sourcing.", CreatedAt = _app.Clock.GetUtcNow() });
            db.Groups.Add(new Group { Name = "Life after benzos", Slug = "life-after-benzos", Description = "Healing and hope.", Visibility = GroupVisibility.MembersOnly, JoinPolicy = GroupJoinPolicy.Approval, CreatedAt = _app.Clock.GetUtcNow() });
            return db.SaveChangesAsync();
        });
        var browser = _app.CreateBrowser();

        var directory = await browser.GetPageAsync("/groups");
        Assert.Equal(["Life after benzos", "Night owls"], directory.QuerySelectorAll(".card h2").Select(h => h.TextContent.Trim()));
        Assert.Contains("Members-only threads", directory.TextOf(".card"), StringComparison.Ordinal);

        var group = await browser.GetPageAsync("/groups/night-owls");
        Assert.Equal("Night owls", group.TextOf("h1"));
        Assert.Contains("No sourcing.", group.TextOf(".rules"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/groups/no-such-group")).StatusCode);
    }

    [Fact]
    public async Task Group_text_is_encoded_never_run()
    {
        await _app.WithDbAsync(db =>
        {
            db.Groups.Add(new Group { Name = "<script>alert(1)</script>", Slug = "xss", Description = "<img src=x onerror=alert(1)>", CreatedAt = _app.Clock.GetUtcNow() });
            return db.SaveChangesAsync();
        });

        var page = await _app.CreateBrowser().GetPageAsync("/groups/xss");

        Assert.Empty(page.QuerySelectorAll("main script, main img"));
        Assert.Equal("<script>alert(1)</script>", page.TextOf("h1"));
    }
}
