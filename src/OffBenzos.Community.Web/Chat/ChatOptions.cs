namespace OffBenzos.Community.Web.Chat;

public sealed class ChatOptions
{
    public const int MessageMax = 2000;

    /// <summary>Messages on entering a room, and per page when scrolling back.</summary>
    public int PageSize { get; set; } = 50;

    /// <summary>Sustained sends per member per minute, across all rooms (a burst of <see cref="SendBurst"/> is allowed).</summary>
    public int MessagesPerMinute { get; set; } = 20;

    public int SendBurst { get; set; } = 5;

    /// <summary>
    /// Entering and leaving rooms, removing messages and a host's controls, per member per minute across
    /// all rooms (a burst of <see cref="RoomActionBurst"/> is allowed): each writes, is audited or tells a whole room.
    /// </summary>
    public int RoomActionsPerMinute { get; set; } = 60;

    public int RoomActionBurst { get; set; } = 30;

    /// <summary>Open chat connections per member on one instance (tabs, phone and laptop).</summary>
    public int ConnectionsPerMember { get; set; } = 10;

    /// <summary>A presence row not refreshed for this long belongs to a connection that is gone.</summary>
    public TimeSpan PresenceTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Origins besides the site's own that may open the hubs (for example a second public host name).</summary>
    public string[] AllowedOrigins { get; set; } = [];
}
