namespace OffBenzos.Community.Web.Moderation;

/// <summary>Tells moderators watching the queue that an item appeared, was claimed or was decided.</summary>
public interface IModerationNotifier
{
    Task QueueChangedAsync(ReviewItem item);

    /// <summary>A crisis or medical item: an alert for the moderators on duty (everyone online if nobody is).</summary>
    Task CrisisAlertAsync(ReviewItem item, bool anyoneOnDuty);

    /// <summary>Nobody opened a crisis or medical item in time: an alert for every moderator online.</summary>
    Task CrisisEscalationAsync(ReviewItem item);
}
