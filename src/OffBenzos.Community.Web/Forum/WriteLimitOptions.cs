namespace OffBenzos.Community.Web.Forum;

/// <summary>Bound from the <c>RateLimits</c> section.</summary>
public sealed class WriteLimitOptions
{
    public int MemberPostsPerHour { get; set; } = 30;
    public int NewMemberPostsPerHour { get; set; } = 6;

    /// <summary>How long an account counts as new.</summary>
    public int NewMemberDays { get; set; } = 3;
}
