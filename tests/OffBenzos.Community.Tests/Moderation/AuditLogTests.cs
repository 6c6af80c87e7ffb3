using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OffBenzos.Community.Tests.Infrastructure;
using OffBenzos.Community.Web.Authorization;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Moderation;

namespace OffBenzos.Community.Tests.Moderation;

public sealed class AuditLogTests : IDisposable
{
    private readonly CommunityApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<HttpClient> AdminWithHistoryAsync()
    {
        var admin = await _app.CreateUserAsync(displayName: "Audit Admin", roles: SiteRoles.Admin);
        var browser = await _app.SignedInWithTwoFactorAsync(admin, await _app.EnableTwoFactorAsync(admin));
        foreach (var name in new[] { "Coach One", "Coach Two", "Coach Three" })
        {
            var member = await _app.CreateUserAsync(displayName: name);
            await browser.SubmitFormAsync("/admin", new() { ["Role"] = SiteRoles.Coach, ["Grant"] = "true", ["Reason"] = "Hosts sessions" }, $"form[data-member='{member.Id}']");
        }
        return browser;
    }

    [Fact]
    public async Task Every_admin_action_is_chained_and_the_check_finds_the_chain_intact()
    {
        var admin = await AdminWithHistoryAsync();

        var rows = await _app.WithDbAsync(db => db.ModerationActions.OrderBy(a => a.Sequence).ToListAsync());
        Assert.Equal([1L, 2L, 3L], rows.Select(r => r.Sequence));
        Assert.Equal("", rows[0].PreviousHash);
        Assert.Equal(rows[0].Hash, rows[1].PreviousHash);
        Assert.All(rows, r => Assert.Equal("role.grant", r.Action));

        var checkedPage = await (await admin.SubmitFormAsync("/moderation/audit", [], "form[action*=Verify]")).ParseAsync();
        Assert.Equal("The chain is intact: 3 rows checked.", checkedPage.TextOf("[role=status]"));
    }

    [Fact]
    public async Task A_row_changed_in_the_database_breaks_the_chain_where_it_was_changed()
    {
        var admin = await AdminWithHistoryAsync();

        await _app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE ModerationActions SET Reason = 'nothing happened' WHERE Sequence = 2"));

        var checkedPage = await (await admin.SubmitFormAsync("/moderation/audit", [], "form[action*=Verify]")).ParseAsync();
        Assert.Equal("The chain is broken at row 2: a row was changed or removed outside the app.", checkedPage.TextOf("[role=alert]"));
    }

    [Fact]
    public async Task A_deleted_row_breaks_the_chain_too()
    {
        await AdminWithHistoryAsync();
        await _app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM ModerationActions WHERE Sequence = 2"));

        await using var scope = _app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AuditLog>().VerifyAsync();

        Assert.False(result.Intact);
        Assert.Equal(2, result.FirstBrokenSequence);
    }

    [Fact]
    public async Task The_app_cannot_change_or_delete_audit_rows()
    {
        await AdminWithHistoryAsync();
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommunityDb>();
        var row = await db.ModerationActions.FirstAsync();

        row.Reason = "rewritten";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.ModerationActions.Remove(await db.ModerationActions.FirstAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task The_log_is_searchable_by_action_and_by_member()
    {
        var admin = await AdminWithHistoryAsync();

        var byMember = await admin.GetPageAsync("/moderation/audit?member=Coach%20Two");
        Assert.Equal("1 row.", byMember.TextOf("p.count"));
        Assert.Contains("Coach Two", byMember.TextOf("tbody tr"), StringComparison.Ordinal);

        var byAction = await admin.GetPageAsync("/moderation/audit?action=review.");
        Assert.Empty(byAction.QuerySelectorAll("tbody tr"));
    }
}
