namespace OffBenzos.Community.Web.Chat;

/// <summary>
/// Keeps this instance's presence rows fresh, and clears rows left by an instance that stopped
/// (a crash leaves no disconnect behind), telling those rooms who is really there.
/// </summary>
public sealed class ChatPresenceHeartbeat(IServiceScopeFactory scopes, ILogger<ChatPresenceHeartbeat> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var presence = scope.ServiceProvider.GetRequiredService<ChatPresenceStore>();
                var broadcast = scope.ServiceProvider.GetRequiredService<ChatBroadcast>();
                foreach (var room in await presence.RefreshAsync())
                {
                    await broadcast.PresenceAsync(room, await presence.InRoomAsync(room));
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not refresh chat presence; trying again shortly.");
            }
        }
    }
}
