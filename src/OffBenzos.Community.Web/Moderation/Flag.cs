namespace OffBenzos.Community.Web.Moderation;

/// <summary>One member's flag on a target, with a snapshot of the content as it was when flagged.</summary>
public class Flag
{
    public long Id { get; set; }
    public long ReviewItemId { get; set; }
    public required string FlaggerId { get; set; }
    public FlagReason Reason { get; set; }
    public string? Note { get; set; }

    /// <summary>The content at flag time, so an edit afterwards cannot hide what was flagged.</summary>
    public required string Snapshot { get; set; }

    /// <summary>The flagger's weight when they flagged (track record and standing).</summary>
    public double Weight { get; set; }

    public DateTimeOffset At { get; set; }
}
