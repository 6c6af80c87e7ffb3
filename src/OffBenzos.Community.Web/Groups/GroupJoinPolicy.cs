namespace OffBenzos.Community.Web.Groups;

public enum GroupJoinPolicy
{
    Open,

    /// <summary>The group's moderators approve each request to join.</summary>
    Approval,
}
