namespace OffBenzos.Community.Web.Moderation;

/// <summary>The queue's lanes, in the order moderators see them: crisis first.</summary>
public enum ReviewLane
{
    Crisis = 0,
    Medical = 1,
    Standard = 2,
}
