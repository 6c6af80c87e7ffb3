namespace OffBenzos.Community.Web.Moderation;

/// <summary>Tells moderators watching the queue that an item appeared, was claimed or was decided.</summary>
public interface IModerationNotifier
{
    Task QueueChangedAsync(ReviewItem item);

    /// <summary>A crisis or medical item: an alert for every moderator online.</summary>
    Task CrisisAlertAsync(ReviewItem item);
}
