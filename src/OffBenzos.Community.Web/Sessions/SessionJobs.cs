namespace OffBenzos.Community.Web.Sessions;

/// <summary>Every half minute: reminders for sessions starting soon, and transcripts whose time is up.</summary>
public sealed class SessionJobs(IServiceScopeFactory scopes, ILogger<SessionJobs> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sessions = scope.ServiceProvider.GetRequiredService<SessionService>();
                await sessions.SendRemindersAsync();
                await sessions.DeleteExpiredTranscriptsAsync();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Session reminders or transcript clean-up failed; trying again shortly.");
            }
        }
    }
}
