using Microsoft.AspNetCore.SignalR;
using OffBenzos.Community.Web.Forum;

namespace OffBenzos.Community.Web.Notifications;

/// <summary>Every open page of the member, on any instance (through the Redis backplane when scaled out).</summary>
public sealed class SignalRNotificationNotifier(IHubContext<ForumHub, IForumClient> hub) : INotificationNotifier
{
    public Task UnreadChangedAsync(string userId, int unread) => hub.Clients.User(userId).UnreadNotifications(unread);
}
