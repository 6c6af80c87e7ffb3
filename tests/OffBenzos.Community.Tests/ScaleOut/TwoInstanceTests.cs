using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Tests.Infrastructure;
using OffBenzos.Community.Web.Chat;
using OffBenzos.Community.Web.Groups;

namespace OffBenzos.Community.Tests.ScaleOut;

/// <summary>
/// Two instances of the app on their own loopback ports, sharing one database and a real
/// redis-server: one community behind a load balancer.
/// </summary>
public sealed class TwoInstanceTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "offbenzos-tests", "scale-" + Guid.NewGuid().ToString("N"));
    private RedisServer _redis = null!;
    private KestrelApp _first = null!;
    private KestrelApp _second = null!;

    public async Task InitializeAsync()
    {
        // Redis first, so both instances find their backplane at start.
        _redis = await RedisServer.StartNewAsync();
        Directory.CreateDirectory(_folder);
        var database = Path.Combine(_folder, "community.db");
        _first = new KestrelApp(database, _redis.Configuration);
        _second = new KestrelApp(database, _redis.Configuration);
    }

    public Task DisposeAsync()
    {
        // Null when InitializeAsync failed part-way (redis-server missing, say).
        _first?.Dispose();
        _second?.Dispose();
        _redis?.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may hold the file a moment longer; the temp folder is cleaned by the OS.
        }
        return Task.CompletedTask;
    }

    private async Task<(Group Group, int Room, string AliceCookie, string BobCookie)> ArrangeAsync()
    {
        var group = await _first.CreateGroupAsync();
        var room = await _first.RoomOfAsync(group);
        var alice = await _first.CreateUserAsync(displayName: "Alice");
        var bob = await _first.CreateUserAsync(displayName: "Bobby");
        await _first.AddMemberAsync(group, alice);
        await _first.AddMemberAsync(group, bob);
        // Signed in on the first instance; the cookie is read by the second (the key ring is shared in Redis).
        return (group, room, await _first.SignInOverHttpAsync(alice), await _first.SignInOverHttpAsync(bob));
    }

    [Fact]
    public async Task A_message_sent_through_one_instance_reaches_a_member_connected_to_the_other()
    {
        var (_, room, aliceCookie, bobCookie) = await ArrangeAsync();
        await using var alice = await _first.ChatOverNetworkAsync(aliceCookie);
        await using var bob = await _second.ChatOverNetworkAsync(bobCookie);
        Assert.True((await alice.JoinAsync(room)).Ok);
        Assert.True((await bob.JoinAsync(room)).Ok);
        // Presence is shared too: each sees both.
        Assert.Equal(["Alice", "Bobby"], (await alice.PresenceWhereAsync(p => p.Count == 2)).Select(p => p.Name));

        var sent = await alice.SendAsync(room, "Hello from instance one");
        Assert.Equal(ChatSendStatus.Sent, sent.Status);
        Assert.Equal("Hello from instance one", await HeardAsync(bob, sent.Message!.Id));

        var reply = await bob.SendAsync(room, "And back from instance two");
        Assert.Equal("And back from instance two", await HeardAsync(alice, reply.Message!.Id));
        Assert.Equal([1L, 2L], await _second.WithDbAsync(db => db.ChatMessages.OrderBy(m => m.Id).Select(m => m.Sequence!.Value).ToListAsync()));
    }

    [Fact]
    public async Task Redis_stopping_and_starting_mid_conversation_loses_no_acknowledged_message()
    {
        var (_, room, aliceCookie, bobCookie) = await ArrangeAsync();
        await using var alice = await _first.ChatOverNetworkAsync(aliceCookie);
        await using var bob = await _second.ChatOverNetworkAsync(bobCookie);
        await alice.JoinAsync(room);
        await bob.JoinAsync(room);
        await alice.SendAsync(room, "before the outage");
        var lastSeen = (await ChatTestClient.NextAsync(bob.Messages)).Sequence;

        _redis.Stop();
        var during = await alice.SendAsync(room, "said while Redis was down");
        Assert.Equal(ChatSendStatus.Sent, during.Status);
        await _redis.StartAsync();

        // Once the backplane is back, a new message reaches Bob; its sequence shows him the gap.
        ChatMessageView after;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var probe = await alice.SendAsync(room, "are you there?");
            Assert.Equal(ChatSendStatus.Sent, probe.Status);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            try
            {
                after = await bob.Messages.Reader.ReadAsync(wait.Token);
                if (after.Sequence > during.Message!.Sequence)
                {
                    break;
                }
            }
            catch (OperationCanceledException) when (DateTime.UtcNow < deadline)
            {
                // Still reconnecting to Redis.
            }
        }

        var caughtUp = await bob.JoinAsync(room, lastSeen);
        var texts = caughtUp.Messages.Select(m => m.Text).ToList();
        Assert.Single(texts, t => t == "said while Redis was down");
        Assert.Equal(caughtUp.Messages.Select(m => m.Sequence).Distinct().Order(), caughtUp.Messages.Select(m => m.Sequence));
        Assert.Equal(during.Message!.Sequence, caughtUp.Messages[0].Sequence);
    }

    [Fact]
    public async Task Members_arriving_at_once_on_both_instances_each_end_up_seeing_everyone_here()
    {
        // Each arrival tells the room who is here; lists read at nearly the same time reach the
        // browsers in any order, across the backplane too. Each browser keeps the highest version.
        var group = await _first.CreateGroupAsync();
        var room = await _first.RoomOfAsync(group);
        var names = Enumerable.Range(1, 8).Select(n => $"Member {n}").ToList();
        var clients = new List<ChatTestClient>();
        try
        {
            foreach (var (name, index) in names.Select((name, index) => (name, index)))
            {
                var user = await _first.CreateUserAsync(displayName: name);
                await _first.AddMemberAsync(group, user);
                var instance = index % 2 == 0 ? _first : _second;
                clients.Add(await instance.ChatOverNetworkAsync(await _first.SignInOverHttpAsync(user)));
            }

            var joins = await Task.WhenAll(clients.Select(c => c.JoinAsync(room)));
            Assert.All(joins, j => Assert.True(j.Ok));

            // Eight arrivals, eight changes counted: the list read after the last of them carries
            // version eight or more, and every page must end up with it (an earlier list can already
            // hold all eight under a lower version, so waiting for eight names alone is not enough).
            foreach (var client in clients)
            {
                var deadline = DateTime.UtcNow.AddSeconds(15);
                while (!(client.NewestPresence?.Version >= names.Count) && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(50);
                }
                Assert.True(client.NewestPresence?.Version >= names.Count, $"The newest list heard has version {client.NewestPresence?.Version}.");
                Assert.Equal(names, client.NewestPresence!.People.Select(p => p.Name));
            }
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    /// <summary>What the client heard as message <paramref name="id"/> (its own earlier messages come back to it too).</summary>
    private static async Task<string> HeardAsync(ChatTestClient client, long id)
    {
        while (true)
        {
            var message = await ChatTestClient.NextAsync(client.Messages);
            if (message.Id == id)
            {
                return message.Text;
            }
        }
    }
}
