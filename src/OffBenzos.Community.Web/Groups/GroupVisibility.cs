namespace OffBenzos.Community.Web.Groups;

public enum GroupVisibility
{
    /// <summary>Anyone may read the threads.</summary>
    Public,

    /// <summary>Only members read the threads; the name and description stay public.</summary>
    MembersOnly,
}
