using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace OffBenzos.Community.Web.Chat;

/// <summary>
/// Limits on the chat hub that the ASP.NET Core rate limiter cannot see, because hub calls are not
/// HTTP requests: sends per member (a token bucket: a short burst, then a steady rate) and open
/// connections per member. Both count on this instance; behind a load balancer a member's connections
/// spread over instances, so the effective limits there are per instance.
/// </summary>
public sealed class ChatLimitsFilter : IHubFilter, IDisposable
{
    private readonly ChatOptions _options;
    private readonly PartitionedRateLimiter<string> _sends;
    private readonly ConcurrentDictionary<string, int> _connections = new(StringComparer.Ordinal);

    public ChatLimitsFilter(IOptions<ChatOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        var perToken = TimeSpan.FromMinutes(1) / Math.Max(1, _options.MessagesPerMinute);
        _sends = PartitionedRateLimiter.Create<string, string>(user => RateLimitPartition.GetTokenBucketLimiter(user, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, _options.SendBurst),
            TokensPerPeriod = 1,
            ReplenishmentPeriod = perToken,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        if (invocationContext.HubMethodName == nameof(ChatHub.Send) && invocationContext.Context.UserIdentifier is { } user)
        {
            using var lease = _sends.AttemptAcquire(user);
            if (!lease.IsAcquired)
            {
                var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 3;
                return new ChatSendResult(ChatSendStatus.Retry, Error: "You're sending quickly, so we're pausing for a moment. Your message is kept and will be sent by itself.", RetryAfterSeconds: wait);
            }
        }
        return await next(invocationContext);
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Context.UserIdentifier is { } user)
        {
            if (_connections.AddOrUpdate(user, 1, (_, n) => n + 1) > _options.ConnectionsPerMember)
            {
                _connections.AddOrUpdate(user, 0, (_, n) => n - 1);
                context.Context.Abort();
                return;
            }
            context.Context.Items[this] = user;
        }
        await next(context);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Context.Items.TryGetValue(this, out var counted) && counted is string user)
        {
            _connections.AddOrUpdate(user, 0, (_, n) => Math.Max(0, n - 1));
        }
        return next(context, exception);
    }

    public void Dispose() => _sends.Dispose();
}
