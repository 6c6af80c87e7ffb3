namespace OffBenzos.Community.Web.Notifications;

public enum NotificationKind
{
    /// <summary>Someone wrote @name.</summary>
    Mention,

    /// <summary>Someone replied to the member's post.</summary>
    Reply,

    /// <summary>A new post in a thread the member follows.</summary>
    FollowedThread,
}
