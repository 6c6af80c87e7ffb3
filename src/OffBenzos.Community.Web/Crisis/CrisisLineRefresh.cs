namespace OffBenzos.Community.Web.Crisis;

/// <summary>
/// Reloads the crisis lines every minute, so an admin's edit on one instance reaches the banner on
/// every instance soon after (the editing instance reloads at once).
/// </summary>
public sealed class CrisisLineRefresh(IServiceScopeFactory scopes, ILogger<CrisisLineRefresh> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<CrisisLineStore>().LoadAsync();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The lines already in memory stay in use: a failed reload never blanks the banner.
                logger.LogWarning(ex, "Could not reload the crisis lines.");
            }
        }
    }
}
