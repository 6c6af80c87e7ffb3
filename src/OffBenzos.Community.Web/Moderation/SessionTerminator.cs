using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using OffBenzos.Community.Web.Forum;

namespace OffBenzos.Community.Web.Moderation;

/// <summary>
/// Ends a member's live connections at once: the ones on this instance are aborted, and every
/// instance's pages are told to close theirs (any call they still make is refused by the hub filter).
/// </summary>
public sealed class SessionTerminator(IHubContext<ForumHub, IForumClient> hub, IHubContext<Chat.ChatHub, Chat.IChatClient> chat, IServiceScopeFactory scopes)
{
    /// <summary>How long a member's connections have to deliver the notice before they are ended.</summary>
    public static readonly TimeSpan NoticeGrace = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, HubCallerContext>> _connections = new(StringComparer.Ordinal);

    public void Connected(HubCallerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.UserIdentifier is { } user)
        {
            _connections.GetOrAdd(user, _ => new(StringComparer.Ordinal))[context.ConnectionId] = context;
        }
    }

    public void Disconnected(HubCallerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.UserIdentifier is { } user && _connections.TryGetValue(user, out var set))
        {
            set.TryRemove(context.ConnectionId, out _);
        }
    }

    public async Task EndAsync(string userId)
    {
        await hub.Clients.User(userId).SessionEnded();
        await chat.Clients.User(userId).SessionEnded();
        // Out of every chat room on every instance, so even a page that ignores SessionEnded hears nothing more.
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Chat.ChatEviction>().FromGroupAsync(userId, null, "Your session has ended.");
        }
        if (_connections.TryRemove(userId, out var set))
        {
            // A moment later, not at once: an abort drops what the connection has not sent yet, so the
            // notice above would often be lost (dotnet/aspnetcore#21422), and a long-polling page
            // needs one more poll to collect it. Meanwhile the member is out of every room and each
            // call they make is refused.
            _ = AbortLaterAsync(set.Values.ToList());
        }
    }

    private static async Task AbortLaterAsync(IReadOnlyList<HubCallerContext> connections)
    {
        await Task.Delay(NoticeGrace);
        foreach (var context in connections)
        {
            context.Abort();
        }
    }
}
