using Microsoft.AspNetCore.SignalR;
using OffBenzos.Community.Web.Forum;

namespace OffBenzos.Community.Web.Moderation;

/// <summary>Site moderators hear of every item; a group's moderators of their group's items.</summary>
public sealed class SignalRModerationNotifier(IHubContext<ForumHub, IForumClient> hub, ILogger<SignalRModerationNotifier> logger) : IModerationNotifier
{
    public static string SiteModerators => "moderators";

    public static string GroupModerators(int groupId) => $"moderators:group:{groupId}";

    public async Task QueueChangedAsync(ReviewItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        try
        {
            var groups = item.GroupId is { } groupId ? new[] { SiteModerators, GroupModerators(groupId) } : [SiteModerators];
            await hub.Clients.Groups(groups).QueueChanged(item.Id);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The queue is right in the database; moderators see it on their next load.
            logger.LogWarning(ex, "Could not announce a queue change live.");
        }
    }
}
