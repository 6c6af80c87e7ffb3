using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OffBenzos.Community.Tests.Infrastructure;
using OffBenzos.Community.Web.Authorization;
using OffBenzos.Community.Web.Moderation;

namespace OffBenzos.Community.Tests.Crisis;

/// <summary>A crisis item is never left alone: on-duty moderators first, then everyone, and the dashboard shows it.</summary>
public sealed class EscalationTests : IDisposable
{
    private readonly CommunityApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<(HttpClient Browser, HubConnection Connection, Channel<long> Alerts)> ModeratorOnlineAsync(string name)
    {
        var user = await _app.CreateUserAsync(displayName: name, roles: SiteRoles.Moderator);
        var key = await _app.EnableTwoFactorAsync(user);
        var (browser, cookie) = await _app.SignInWithTwoFactorAsync(user, key);
        var alerts = Channel.CreateUnbounded<long>();
        var connection = _app.ConnectHub(cookie);
        connection.On<long, string>("CrisisAlert", (id, _) => alerts.Writer.TryWrite(id));
        return (browser, connection, alerts);
    }

    [Fact]
    public async Task The_on_duty_moderator_is_alerted_first_and_everyone_when_nobody_opens_it_in_time()
    {
        var (onDutyBrowser, onDuty, onDutyAlerts) = await ModeratorOnlineAsync("Duty Dana");
        var (offDutyBrowser, offDuty, offDutyAlerts) = await ModeratorOnlineAsync("Resting Rob");
        await using var a = onDuty;
        await using var b = offDuty;
        await onDutyBrowser.SubmitFormAsync("/moderation", [], "form.duty-form");
        await onDuty.StartAsync();
        await offDuty.StartAsync();
        Assert.True(await onDuty.InvokeAsync<bool>("WatchQueue"));
        Assert.True(await offDuty.InvokeAsync<bool>("WatchQueue"));

        var group = await _app.CreateGroupAsync();
        var member = await _app.CreateUserAsync();
        await _app.AddMemberAsync(group, member);
        var thread = await _app.CreateThreadAsync(group, member);
        await (await _app.SignedInBrowserAsync(member)).SubmitFormAsync(ForumFixtures.ThreadUrl(group, thread.Id) + "?page=1",
            new() { ["Body"] = "I want to die.", ["CrisisAcknowledged"] = "true" }, "#reply form");

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var itemId = await onDutyAlerts.Reader.ReadAsync(timeout.Token);
        // A hub round trip after the alert: anything sent to the off-duty moderator would be here now.
        await offDuty.InvokeAsync<bool>("WatchQueue");
        Assert.False(offDutyAlerts.Reader.TryRead(out _));

        _app.Clock.Advance(TimeSpan.FromMinutes(6));
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<ModeratorDuty>().EscalateAsync());
        }
        Assert.Equal(itemId, await offDutyAlerts.Reader.ReadAsync(timeout.Token));
        var dashboard = await offDutyBrowser.GetPageAsync("/moderation/dashboard");
        Assert.Equal("1", dashboard.TextOf("[data-unattended]"));

        // Opening it attends to it; it is not raised again.
        await offDutyBrowser.GetPageAsync($"/moderation/items/{itemId}");
        Assert.Equal("0", (await offDutyBrowser.GetPageAsync("/moderation/dashboard")).TextOf("[data-unattended]"));
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<ModeratorDuty>().EscalateAsync());
        }
        Assert.NotNull((await _app.WithDbAsync(db => db.ReviewItems.SingleAsync())).FirstOpenedAt);
    }
}
