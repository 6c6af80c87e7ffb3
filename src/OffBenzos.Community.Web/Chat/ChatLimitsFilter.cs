using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace OffBenzos.Community.Web.Chat;

/// <summary>
/// Limits on the chat hub that the ASP.NET Core rate limiter cannot see, because hub calls are not
/// HTTP requests: sends per member and the room's other actions per member (token buckets: a short
/// burst, then a steady rate), and open connections per member. All count on this instance; behind a
/// load balancer a member's connections spread over instances, so the effective limits there are per instance.
/// </summary>
public sealed class ChatLimitsFilter : IHubFilter, IDisposable
{
    private readonly ChatOptions _options;
    private readonly PartitionedRateLimiter<string> _sends;
    private readonly PartitionedRateLimiter<string> _roomActions;

    /// <summary>
    /// Hub methods that write, are audited or broadcast to a room, other than sending (limited on its
    /// own) and typing (which the hub keeps to one every two seconds). Reading older messages is not limited, as reading pages is not.
    /// </summary>
    private static readonly FrozenSet<string> RoomActions = FrozenSet.ToFrozenSet(
    [
        nameof(ChatHub.Join), nameof(ChatHub.Leave), nameof(ChatHub.Remove), nameof(ChatHub.OpenSession), nameof(ChatHub.EndSession),
        nameof(ChatHub.SetSlowMode), nameof(ChatHub.SetAnnouncementOnly), nameof(ChatHub.SetLateJoinerPrivacy), nameof(ChatHub.Pin),
        nameof(ChatHub.MuteMember), nameof(ChatHub.RemoveMember),
    ], StringComparer.Ordinal);

    private const string SlowDown = "You're doing that very quickly, so we're pausing it. Please wait a minute and try again.";
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
        _roomActions = PartitionedRateLimiter.Create<string, string>(user => RateLimitPartition.GetTokenBucketLimiter(user, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, _options.RoomActionBurst),
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / Math.Max(1, _options.RoomActionsPerMinute),
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
        else if (RoomActions.Contains(invocationContext.HubMethodName) && invocationContext.Context.UserIdentifier is { } member)
        {
            using var lease = _roomActions.AttemptAcquire(member);
            if (!lease.IsAcquired)
            {
                // Each method's own way of saying no: a refused entry, a reason in words, or (leaving) nothing.
                return invocationContext.HubMethodName switch
                {
                    nameof(ChatHub.Join) => ChatJoinResult.Refused((int)invocationContext.HubMethodArguments[0]!, SlowDown),
                    nameof(ChatHub.Leave) => null,
                    _ => SlowDown,
                };
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

    public void Dispose()
    {
        _sends.Dispose();
        _roomActions.Dispose();
    }
}
