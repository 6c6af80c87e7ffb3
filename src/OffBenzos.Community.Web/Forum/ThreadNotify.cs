namespace OffBenzos.Community.Web.Forum;

public enum ThreadNotify
{
    /// <summary>Notified of replies to your posts and mentions only.</summary>
    Default,

    /// <summary>Also notified of every new post.</summary>
    Following,

    /// <summary>Nothing from this thread, not even replies.</summary>
    Muted,
}
