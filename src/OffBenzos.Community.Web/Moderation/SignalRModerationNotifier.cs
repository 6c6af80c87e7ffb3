using Microsoft.AspNetCore.SignalR;
using OffBenzos.Community.Web.Forum;

namespace OffBenzos.Community.Web.Moderation;

/// <summary>Site moderators hear of every item; a group's moderators of their group's items.</summary>
public sealed class SignalRModerationNotifier(IHubContext<ForumHub, IForumClient> hub, ILogger<SignalRModerationNotifier> logger) : IModerationNotifier
{
    public static string SiteModerators => "moderators";

    public static string GroupModerators(int groupId) => $"moderators:group:{groupId}";

    /// <summary>Site moderators who marked themselves on duty.</summary>
    public static string OnDuty => "moderators:on-duty";

    public Task QueueChangedAsync(ReviewItem item) => SendAsync(item, (clients, i) => clients.QueueChanged(i.Id));

    /// <summary>To the moderators on duty (and the group's own), or to everyone when nobody is on duty.</summary>
    public async Task CrisisAlertAsync(ReviewItem item, bool anyoneOnDuty)
    {
        ArgumentNullException.ThrowIfNull(item);
        try
        {
            var groups = new List<string> { anyoneOnDuty ? OnDuty : SiteModerators };
            if (item.GroupId is { } groupId)
            {
                groups.Add(GroupModerators(groupId));
            }
            await hub.Clients.Groups(groups).CrisisAlert(item.Id, item.Lane.ToString());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not send a crisis alert live.");
        }
    }

    public Task CrisisEscalationAsync(ReviewItem item) => SendAsync(item, (clients, i) => clients.CrisisAlert(i.Id, i.Lane.ToString()));

    private async Task SendAsync(ReviewItem item, Func<IForumClient, ReviewItem, Task> send)
    {
        ArgumentNullException.ThrowIfNull(item);
        try
        {
            var groups = item.GroupId is { } groupId ? new[] { SiteModerators, GroupModerators(groupId) } : [SiteModerators];
            await send(hub.Clients.Groups(groups), item);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The queue is right in the database; moderators see it on their next load.
            logger.LogWarning(ex, "Could not announce a queue change live.");
        }
    }
}
