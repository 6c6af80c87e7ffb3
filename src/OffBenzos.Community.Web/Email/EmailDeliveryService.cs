namespace OffBenzos.Community.Web.Email;

/// <summary>Delivers queued messages one by one; a failed delivery is retried a few times, then logged.</summary>
public sealed class EmailDeliveryService(QueuedEmailSender queue, IEmailTransport transport, ILogger<EmailDeliveryService> logger) : BackgroundService
{
    private static readonly TimeSpan[] RetryDelays = [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in queue.Reader.ReadAllAsync(stoppingToken))
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    await transport.DeliverAsync(message, stoppingToken);
                    break;
                }
                catch (Exception ex) when (ex is not OperationCanceledException && attempt < RetryDelays.Length)
                {
                    logger.LogWarning(ex, "E-mail delivery failed (attempt {Attempt}); retrying.", attempt + 1);
                    await Task.Delay(RetryDelays[attempt], stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The subject only: message bodies carry sign-in links.
                    logger.LogError(ex, "E-mail \"{Subject}\" could not be delivered.", message.Subject);
                    break;
                }
            }
        }
    }
}
