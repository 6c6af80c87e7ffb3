namespace OffBenzos.Community.Web.Groups;

public enum GroupRole
{
    Member,

    /// <summary>Moderates this group: thread states, join requests, group roles.</summary>
    Moderator,

    /// <summary>Hosts this group's live sessions.</summary>
    Coach,
}
