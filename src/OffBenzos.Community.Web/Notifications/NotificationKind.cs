namespace OffBenzos.Community.Web.Notifications;

public enum NotificationKind
{
    /// <summary>Someone wrote @name.</summary>
    Mention,

    /// <summary>Someone replied to the member's post.</summary>
    Reply,

    /// <summary>A new post in a thread the member follows.</summary>
    FollowedThread,

    /// <summary>A flag the member raised has been reviewed (never the outcome's details).</summary>
    FlagReviewed,

    /// <summary>A moderator acted on the member's content or account; the reason is in the detail.</summary>
    ModerationNotice,

    /// <summary>Someone in the community is worried about the member: a kind word and their crisis lines, never the reporter's name.</summary>
    Concern,

    /// <summary>A session the member is going to starts soon.</summary>
    SessionReminder,

    /// <summary>News about a session: a place came free on the waitlist, or the session was cancelled.</summary>
    SessionUpdate,

    /// <summary>About the member's own account and data: an export is ready, a deletion was cancelled.</summary>
    Account,
}
