namespace OffBenzos.Community.Web.Forum;

/// <summary>A discussion thread in a group. (Not "Thread": that is System.Threading.Thread.)</summary>
public class ForumThread
{
    public int Id { get; set; }
    public int GroupId { get; set; }
    public required string Title { get; set; }
    public required string AuthorId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the newest post arrived; orders the group's thread list.</summary>
    public DateTimeOffset LastActivityAt { get; set; }

    /// <summary>The highest post number given out; post numbers are never reused, so pages stay stable.</summary>
    public int LastPostNumber { get; set; }

    public bool IsPinned { get; set; }
    public bool IsLocked { get; set; }
    public string? LockReason { get; set; }
    public ContentState State { get; set; } = ContentState.Visible;
}
