using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Tests.Infrastructure;
using OffBenzos.Community.Web.Authorization;

namespace OffBenzos.Community.Tests.Crisis;

public sealed class CrisisLineAdminTests : IDisposable
{
    private readonly CommunityApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<HttpClient> AdminAsync()
    {
        var admin = await _app.CreateUserAsync(roles: SiteRoles.Admin);
        return await _app.SignedInWithTwoFactorAsync(admin, await _app.EnableTwoFactorAsync(admin));
    }

    private async Task<string> BannerAsync(string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.AcceptLanguage.ParseAdd(language);
        return (await (await _app.CreateBrowser().SendAsync(request)).ParseAsync()).TextOf("aside.crisis-banner");
    }

    [Fact]
    public async Task The_lines_are_seeded_from_the_carried_data_and_an_admins_edit_reaches_the_banner_at_once_and_is_audited()
    {
        Assert.Equal(17, await _app.WithDbAsync(db => db.CrisisLines.CountAsync()));
        var samaritans = await _app.WithDbAsync(db => db.CrisisLines.SingleAsync(l => l.CountryCode == "GB" && l.Name == "Samaritans"));
        var admin = await AdminAsync();

        await admin.SubmitFormAsync($"/admin/crisis-lines?id={samaritans.Id}", new() { ["Input.Display"] = "116 123 (free, any time)" }, "form.line-form");

        Assert.Contains("Samaritans: 116 123 (free, any time)", await BannerAsync("en-GB"), StringComparison.Ordinal);
        var audit = await _app.WithDbAsync(db => db.ModerationActions.SingleAsync(a => a.Action == "crisis-line.edit"));
        Assert.Contains("116 123 (free, any time)", audit.Reason, StringComparison.Ordinal);
        Assert.Contains("GB Samaritans: 116 123 [", audit.ContentBefore, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_country_gets_its_emergency_number_and_lines_and_bad_links_are_refused()
    {
        var admin = await AdminAsync();
        var french = new Dictionary<string, string>
        {
            ["Input.CountryCode"] = "FR",
            ["Input.Name"] = "3114 Numéro national de prévention du suicide",
            ["Input.Display"] = "3114",
            ["Input.Tel"] = "tel:3114",
            ["Input.Hours"] = "24/7",
            ["Input.Kind"] = "crisis",
            ["Input.Source"] = "3114.fr (checked by an admin)",
        };

        var refused = await (await admin.SubmitFormAsync("/admin/crisis-lines", new(french) { ["Input.Tel"] = "javascript:alert(1)" }, "form.line-form")).ParseAsync();
        Assert.Contains("must look like tel:", refused.TextOf("[role=alert]"), StringComparison.Ordinal);

        await admin.SubmitFormAsync("/admin/crisis-lines", french, "form.line-form");
        Assert.False(await _app.WithDbAsync(db => db.CrisisLines.AnyAsync(l => l.CountryCode == "FR")));

        await admin.SubmitFormAsync("/admin/crisis-lines", new() { ["country"] = "FR", ["display"] = "112 or 15", ["tel"] = "tel:112" }, "form.emergency-form");
        await admin.SubmitFormAsync("/admin/crisis-lines", french, "form.line-form");

        var banner = await BannerAsync("fr-FR");
        Assert.Contains("3114", banner, StringComparison.Ordinal);
        Assert.Contains("Emergency: 112 or 15", banner, StringComparison.Ordinal);
    }
}
