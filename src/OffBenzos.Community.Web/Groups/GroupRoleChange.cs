namespace OffBenzos.Community.Web.Groups;

/// <summary>Append-only record of a group role or membership decision: who, for whom, what, when.</summary>
public class GroupRoleChange
{
    public long Id { get; set; }
    public int GroupId { get; set; }
    public required string ActorId { get; set; }
    public required string TargetUserId { get; set; }

    /// <summary>What happened: "role:Moderator", "approved", "declined".</summary>
    public required string Change { get; set; }

    public DateTimeOffset At { get; set; }
}
