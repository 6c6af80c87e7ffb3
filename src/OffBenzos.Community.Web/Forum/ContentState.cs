namespace OffBenzos.Community.Web.Forum;

/// <summary>Where a thread or post stands. Moderated content is never deleted, only hidden or removed.</summary>
public enum ContentState
{
    Visible,

    /// <summary>Held until a moderator approves it (watched words, new members).</summary>
    PendingApproval,

    /// <summary>Hidden by a moderator while they look at it; can be restored.</summary>
    Hidden,

    /// <summary>Removed by a moderator.</summary>
    Removed,

    /// <summary>Deleted by its author; moderators still see it.</summary>
    RemovedByAuthor,
}
