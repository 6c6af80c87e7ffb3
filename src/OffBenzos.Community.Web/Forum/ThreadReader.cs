namespace OffBenzos.Community.Web.Forum;

/// <summary>How far a member has read a thread, and whether they follow or muted it.</summary>
public class ThreadReader
{
    public int ThreadId { get; set; }
    public required string UserId { get; set; }
    public int LastReadNumber { get; set; }
    public ThreadNotify Notify { get; set; }
}
