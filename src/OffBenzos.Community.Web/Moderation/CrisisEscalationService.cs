namespace OffBenzos.Community.Web.Moderation;

/// <summary>Every 30 seconds, raises again any crisis or medical item nobody has opened in time.</summary>
public sealed class CrisisEscalationService(IServiceScopeFactory scopes, ILogger<CrisisEscalationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var raised = await scope.ServiceProvider.GetRequiredService<ModeratorDuty>().EscalateAsync();
                if (raised > 0)
                {
                    logger.LogWarning("{Count} crisis item(s) unopened in time were raised to every moderator.", raised);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Keep watching: one failed round must not stop the next.
                logger.LogError(ex, "Crisis escalation round failed.");
            }
        }
    }
}
