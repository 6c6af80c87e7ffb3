namespace OffBenzos.Community.Web.Crisis;

/// <summary>Bound from the <c>Crisis</c> section.</summary>
public sealed class ConcernOptions
{
    /// <summary>How many "I'm worried" reports one member may send a day, so it cannot be used to harass.</summary>
    public int ConcernsPerReporterPerDay { get; set; } = 3;

    /// <summary>A person receives at most one concern notice in this long, however many people are worried.</summary>
    public TimeSpan NoticeInterval { get; set; } = TimeSpan.FromHours(24);
}
