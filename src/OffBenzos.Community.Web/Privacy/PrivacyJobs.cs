namespace OffBenzos.Community.Web.Privacy;

/// <summary>Prepares waiting data exports within seconds, and runs retention every hour.</summary>
public sealed class PrivacyJobs(IServiceScopeFactory scopes, TimeProvider clock, ILogger<PrivacyJobs> logger) : BackgroundService
{
    private static readonly TimeSpan RetentionEvery = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2));
        var nextRetention = DateTimeOffset.MinValue;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                while (await scope.ServiceProvider.GetRequiredService<DataExportService>().PrepareNextAsync(stoppingToken))
                {
                    // One after another until none waits.
                }
                if (clock.GetUtcNow() >= nextRetention)
                {
                    nextRetention = clock.GetUtcNow() + RetentionEvery;
                    await scope.ServiceProvider.GetRequiredService<RetentionService>().RunAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Data exports or retention failed; trying again shortly.");
            }
        }
    }
}
