namespace OffBenzos.Community.Web.Moderation;

public enum ReviewStatus
{
    Open,
    Resolved,
}
