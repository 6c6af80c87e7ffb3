namespace OffBenzos.Community.Web.Notifications;

/// <summary>Tells a member's open pages their new unread count. Implemented over SignalR.</summary>
public interface INotificationNotifier
{
    Task UnreadChangedAsync(string userId, int unread);
}
