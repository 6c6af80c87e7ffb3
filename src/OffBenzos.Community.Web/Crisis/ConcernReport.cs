namespace OffBenzos.Community.Web.Crisis;

/// <summary>"I'm worried about this member": who was worried about whom, and whether a notice went out.</summary>
public class ConcernReport
{
    public long Id { get; set; }
    public required string ReporterId { get; set; }
    public required string PersonId { get; set; }

    /// <summary>Where the worry came from, e.g. "post:123".</summary>
    public string? Source { get; set; }

    /// <summary>False when the person had already been sent a notice in the last day.</summary>
    public bool NoticeSent { get; set; }

    public DateTimeOffset At { get; set; }
}
