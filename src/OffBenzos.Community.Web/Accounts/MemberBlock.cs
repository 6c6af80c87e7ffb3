namespace OffBenzos.Community.Web.Accounts;

/// <summary>
/// One member blocks another: the blocked member's posts are collapsed for the blocker, and their
/// mentions and replies no longer notify the blocker. The blocked member is not told.
/// </summary>
public class MemberBlock
{
    public required string BlockerId { get; set; }
    public required string BlockedId { get; set; }
    public DateTimeOffset At { get; set; }
}
