namespace OffBenzos.Community.Web.Groups;

/// <summary>A member's place in a group: requested or active, with their role there.</summary>
public class GroupMembership
{
    public int GroupId { get; set; }
    public required string UserId { get; set; }
    public GroupRole Role { get; set; } = GroupRole.Member;
    public MembershipState State { get; set; } = MembershipState.Active;
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? JoinedAt { get; set; }

    /// <summary>The member hears nothing from this group (no notifications), but still belongs.</summary>
    public bool Muted { get; set; }
}
