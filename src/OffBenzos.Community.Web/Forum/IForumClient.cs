namespace OffBenzos.Community.Web.Forum;

/// <summary>What the forum hub can call on a connected browser.</summary>
public interface IForumClient
{
    Task NewPost(int threadId, int postId, int number);

    Task UnreadNotifications(int count);

    /// <summary>The member was suspended or banned: the page should close its connection and reload.</summary>
    Task SessionEnded();

    /// <summary>A review item appeared, was claimed or was decided (moderators watching the queue only).</summary>
    Task QueueChanged(long itemId);

    /// <summary>A crisis or medical item arrived: every moderator online is alerted, on whatever page they are.</summary>
    Task CrisisAlert(long itemId, string lane);
}
