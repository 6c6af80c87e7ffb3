namespace OffBenzos.Community.Web.Groups;

public enum MembershipState
{
    /// <summary>Asked to join a group that needs approval.</summary>
    Pending,
    Active,
}
