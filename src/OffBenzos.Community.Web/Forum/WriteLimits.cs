using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace OffBenzos.Community.Web.Forum;

/// <summary>
/// How often one member may post (threads, replies, edits), per member rather than per address.
/// New accounts get a lower limit: spam and pile-ons usually come from accounts made minutes ago.
/// </summary>
public sealed class WriteLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly WriteLimitOptions _options;

    public WriteLimits(IOptions<WriteLimitOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = key.StartsWith("new:", StringComparison.Ordinal) ? _options.NewMemberPostsPerHour : _options.MemberPostsPerHour,
            Window = TimeSpan.FromHours(1),
            SegmentsPerWindow = 6,
            QueueLimit = 0,
        }));
    }

    /// <summary>True if the member may write now; otherwise a message saying what to do.</summary>
    public (bool Allowed, string? Message) TryWrite(string userId, DateTimeOffset accountCreated, DateTimeOffset now)
    {
        var isNew = now - accountCreated < TimeSpan.FromDays(_options.NewMemberDays);
        using var lease = _limiter.AttemptAcquire((isNew ? "new:" : "member:") + userId);
        if (lease.IsAcquired)
        {
            return (true, null);
        }
        var limit = isNew ? _options.NewMemberPostsPerHour : _options.MemberPostsPerHour;
        return (false, isNew
            ? $"You're posting quickly. To keep things calm, new members can post {limit} times an hour. Your text is saved: please try again in a little while."
            : $"You're posting quickly: the limit is {limit} posts an hour. Your text is saved: please try again in a little while.");
    }

    public void Dispose() => _limiter.Dispose();
}
