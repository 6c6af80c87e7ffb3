using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using OffBenzos.Community.Web.Chat;

namespace OffBenzos.Community.Tests.Infrastructure;

/// <summary>A member's chat connection through the real SignalR client, with what it hears kept in order.</summary>
public sealed class ChatTestClient : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    public ChatTestClient(HubConnection connection)
    {
        Connection = connection;
        connection.On<ChatMessageView>("Message", m => Messages.Writer.TryWrite(m));
        connection.On<int, long>("MessageRemoved", (_, id) => Removed.Writer.TryWrite(id));
        connection.On<int, ChatPresenceList>("Presence", (_, p) =>
        {
            KeepIfNewer(p);
            Presence.Writer.TryWrite(p);
        });
        connection.On<int, string, string>("Typing", (_, _, name) => Typing.Writer.TryWrite(name));
        connection.On<int, string>("RoomClosed", (_, reason) => Closed.Writer.TryWrite(reason));
        connection.On("SessionEnded", () => Closed.Writer.TryWrite("session ended"));
        connection.On<int, SessionStateView>("SessionState", (_, state) =>
        {
            KeepIfNewer(state);
            States.Writer.TryWrite(state);
        });
        connection.Closed += _ =>
        {
            _disconnected.TrySetResult();
            return Task.CompletedTask;
        };
    }

    private readonly Lock _newestGate = new();
    private ChatPresenceList? _newestPresence;

    private void KeepIfNewer(ChatPresenceList present)
    {
        lock (_newestGate)
        {
            if (_newestPresence is null || present.Version >= _newestPresence.Version)
            {
                _newestPresence = present;
            }
        }
    }

    private SessionStateView? _newestState;

    private void KeepIfNewer(SessionStateView state)
    {
        lock (_newestGate)
        {
            if (_newestState is null || state.Version >= _newestState.Version)
            {
                _newestState = state;
            }
        }
    }

    /// <summary>The session state a browser would show: the highest version heard so far.</summary>
    public SessionStateView? NewestState
    {
        get
        {
            lock (_newestGate)
            {
                return _newestState;
            }
        }
    }

    private readonly TaskCompletionSource _disconnected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the connection has ended (the server closed it, or it was stopped).</summary>
    public Task Disconnected => _disconnected.Task.WaitAsync(Wait);

    public HubConnection Connection { get; }
    public Channel<ChatMessageView> Messages { get; } = Channel.CreateUnbounded<ChatMessageView>();
    public Channel<long> Removed { get; } = Channel.CreateUnbounded<long>();
    public Channel<ChatPresenceList> Presence { get; } = Channel.CreateUnbounded<ChatPresenceList>();

    /// <summary>The list of who is here that a browser would show: the highest version heard so far.</summary>
    public ChatPresenceList? NewestPresence
    {
        get
        {
            lock (_newestGate)
            {
                return _newestPresence;
            }
        }
    }
    public Channel<string> Typing { get; } = Channel.CreateUnbounded<string>();
    public Channel<string> Closed { get; } = Channel.CreateUnbounded<string>();
    public Channel<SessionStateView> States { get; } = Channel.CreateUnbounded<SessionStateView>();

    public static async Task<ChatTestClient> ConnectAsync(CommunityApp app, string cookie)
    {
        var client = new ChatTestClient(app.ConnectHub(cookie, "/hubs/chat"));
        await client.Connection.StartAsync();
        return client;
    }

    public async Task<ChatJoinResult> JoinAsync(int roomId, long? after = null)
    {
        var joined = await Connection.InvokeAsync<ChatJoinResult>("Join", roomId, after);
        KeepIfNewer(joined.Present);
        if (joined.Session is { } state)
        {
            KeepIfNewer(state);
        }
        return joined;
    }

    public Task<ChatSendResult> SendAsync(int roomId, string text, Guid? clientId = null, bool crisisAcknowledged = false) =>
        Connection.InvokeAsync<ChatSendResult>("Send", roomId, clientId ?? Guid.NewGuid(), text, crisisAcknowledged);

    public static async Task<T> NextAsync<T>(Channel<T> channel)
    {
        using var timeout = new CancellationTokenSource(Wait);
        return await channel.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>Waits for a presence update that satisfies <paramref name="condition"/>.</summary>
    public async Task<IReadOnlyList<ChatPresenceView>> PresenceWhereAsync(Func<IReadOnlyList<ChatPresenceView>, bool> condition)
    {
        using var timeout = new CancellationTokenSource(Wait);
        while (true)
        {
            var present = await Presence.Reader.ReadAsync(timeout.Token);
            if (condition(present.People))
            {
                return present.People;
            }
        }
    }

    /// <summary>Lets anything already on its way arrive, then says whether the channel is still empty.</summary>
    public static async Task<bool> StaysEmptyAsync<T>(Channel<T> channel, int milliseconds = 500)
    {
        await Task.Delay(milliseconds);
        return !channel.Reader.TryPeek(out _);
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
