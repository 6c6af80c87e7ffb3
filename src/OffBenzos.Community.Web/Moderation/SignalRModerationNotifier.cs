using Microsoft.AspNetCore.SignalR;
using OffBenzos.Community.Web.Forum;

namespace OffBenzos.Community.Web.Moderation;

/// <summary>Site moderators hear of every item; a group's moderators of their group's items.</summary>
public sealed class SignalRModerationNotifier(IHubContext<ForumHub, IForumClient> hub, ILogger<SignalRModerationNotifier> logger) : IModerationNotifier
{
    public static string SiteModerators => "moderators";

    public static string GroupModerators(int groupId) => $"moderators:group:{groupId}";

    public Task QueueChangedAsync(ReviewItem item) => SendAsync(item, (clients, i) => clients.QueueChanged(i.Id));

    public Task CrisisAlertAsync(ReviewItem item) => SendAsync(item, (clients, i) => clients.CrisisAlert(i.Id, i.Lane.ToString()));

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
