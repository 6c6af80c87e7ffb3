using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OffBenzos.Community.Web.Chat;

namespace OffBenzos.Community.Benchmarks;

/// <summary>What one chat load measured: deliveries against what was expected, and delivery latency.</summary>
public sealed record ChatMeasurement(int Connections, int Rooms, int Sent, int SendFailures, long Expected, long Delivered, TimeSpan Duration, IReadOnlyList<double> LatenciesMs)
{
    public long Lost => Expected - Delivered;
    public double DeliveriesPerSecond => Delivered / Duration.TotalSeconds;

    public double Percentile(double p) => new Measurement(0, 0, Duration, LatenciesMs).Percentile(p);
}

/// <summary>
/// Chat load through the real SignalR client over WebSockets: connections spread over rooms, one
/// sender per room sending on a fixed schedule, each message carrying its send time so every
/// receiver measures its delivery latency, and every delivery counted against what was expected.
/// </summary>
public sealed class ChatLoad : IAsyncDisposable
{
    private readonly List<(HubConnection Connection, int Room)> _connections = [];
    private readonly ConcurrentDictionary<int, int> _perRoom = new();
    private readonly ConcurrentBag<double> _latencies = [];
    private long _delivered;
    private string _run = "";

    public int Count => _connections.Count;

    /// <summary>Why the first send that failed failed, for the log.</summary>
    public string? FirstFailure { get; private set; }

    /// <summary>Opens <paramref name="connections"/> connections over <paramref name="rooms"/> rooms, round-robin over <paramref name="servers"/>.</summary>
    public static async Task<ChatLoad> OpenAsync(IReadOnlyList<Uri> servers, Func<int, Visitor> memberOfRoom, int rooms, int connections, bool join = true)
    {
        ArgumentNullException.ThrowIfNull(servers);
        ArgumentNullException.ThrowIfNull(memberOfRoom);
        var load = new ChatLoad();
        // Opened a few at a time, as people arrive, rather than all in one burst.
        using var gate = new SemaphoreSlim(32);
        var opening = Enumerable.Range(0, connections).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var room = 1 + (i % rooms);
                var server = servers[i % servers.Count];
                var cookie = memberOfRoom(room).CookieHeader;
                var connection = new HubConnectionBuilder()
                    .WithUrl(new Uri(server, "/hubs/chat"), o =>
                    {
                        o.Transports = HttpTransportType.WebSockets;
                        o.SkipNegotiation = true;
                        o.Headers["Cookie"] = cookie;
                    })
                    .Build();
                connection.On<ChatMessageView>("Message", load.Heard);
                await connection.StartAsync();
                if (join)
                {
                    var joined = await connection.InvokeAsync<ChatJoinResult>("Join", room, null);
                    if (!joined.Ok)
                    {
                        throw new InvalidOperationException($"Could not join room {room}: {joined.Error}");
                    }
                }
                lock (load._connections)
                {
                    load._connections.Add((connection, room));
                }
                load._perRoom.AddOrUpdate(room, 1, (_, n) => n + 1);
            }
            finally
            {
                gate.Release();
            }
        });
        await Task.WhenAll(opening);
        return load;
    }

    private void Heard(ChatMessageView message)
    {
        // "bench {run} {send time}": only this run's messages count.
        var parts = message.Text.Split(' ');
        if (parts.Length < 3 || parts[0] != "bench" || parts[1] != _run)
        {
            return;
        }
        var sentAt = FromLetters(parts[2]);
        _latencies.Add(Stopwatch.GetElapsedTime(sentAt).TotalMilliseconds);
        Interlocked.Increment(ref _delivered);
    }

    /// <summary>
    /// Each room's first connection sends <paramref name="perRoomPerSecond"/> messages a second for
    /// <paramref name="duration"/>; then waits for deliveries to settle and counts them.
    /// </summary>
    public async Task<ChatMeasurement> RunAsync(double perRoomPerSecond, TimeSpan duration)
    {
        _run = ToLetters(Random.Shared.NextInt64(1L << 40));
        _latencies.Clear();
        Interlocked.Exchange(ref _delivered, 0);
        var senders = _connections.GroupBy(c => c.Room).Select(g => g.First()).ToList();
        var sent = 0;
        var failures = 0;
        long expected = 0;
        var clock = Stopwatch.StartNew();
        var count = (int)(perRoomPerSecond * duration.TotalSeconds);
        var interval = TimeSpan.FromSeconds(1 / perRoomPerSecond);
        await Task.WhenAll(senders.Select(async sender =>
        {
            var inFlight = new List<Task>();
            // Rooms start staggered across one interval, so their sends interleave.
            var offset = interval * (sender.Room % senders.Count) / senders.Count;
            for (var i = 0; i < count; i++)
            {
                var wait = offset + (interval * i) - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }
                inFlight.Add(Task.Run(async () =>
                {
                    var text = $"bench {_run} {ToLetters(Stopwatch.GetTimestamp())}";
                    try
                    {
                        var result = await sender.Connection.InvokeAsync<ChatSendResult>("Send", sender.Room, Guid.NewGuid(), text, false);
                        if (result.Status == ChatSendStatus.Sent)
                        {
                            Interlocked.Increment(ref sent);
                            Interlocked.Add(ref expected, _perRoom[sender.Room]);
                            return;
                        }
                        FirstFailure ??= result.Status + ": " + result.Error;
                    }
                    catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TimeoutException or HubException)
                    {
                        FirstFailure ??= ex.Message;
                    }
                    Interlocked.Increment(ref failures);
                }));
            }
            await Task.WhenAll(inFlight);
        }));
        var sendTime = clock.Elapsed;
        // Let the last deliveries arrive.
        var settle = Stopwatch.StartNew();
        while (Interlocked.Read(ref _delivered) < Interlocked.Read(ref expected) && settle.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50);
        }
        return new ChatMeasurement(_connections.Count, senders.Count, sent, failures, expected, Interlocked.Read(ref _delivered), sendTime, _latencies.ToList());
    }

    // The send time in letters: a long run of digits looks like a phone number to the watched words,
    // which would (rightly) hold the message for a moderator.
    private static string ToLetters(long value)
    {
        var letters = new Stack<char>();
        do
        {
            letters.Push((char)('a' + (value % 26)));
            value /= 26;
        }
        while (value > 0);
        return new string([.. letters]);
    }

    private static long FromLetters(string text) => text.Aggregate(0L, (value, letter) => (value * 26) + (letter - 'a'));

    public async ValueTask DisposeAsync()
    {
        foreach (var (connection, _) in _connections)
        {
            await connection.DisposeAsync();
        }
    }
}
