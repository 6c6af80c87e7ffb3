using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using OffBenzos.Community.Tests.Infrastructure;
using OffBenzos.Community.Web.Groups;

namespace OffBenzos.Community.Tests.Forum;

/// <summary>New replies reach readers of the open thread through the real SignalR client.</summary>
public sealed class LiveRepliesTests : IDisposable
{
    private readonly CommunityApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_reader_of_the_open_thread_hears_of_each_new_reply()
    {
        var group = await _app.CreateGroupAsync();
        var author = await _app.CreateUserAsync();
        var reader = await _app.CreateUserAsync();
        await _app.AddMemberAsync(group, author);
        await _app.AddMemberAsync(group, reader);
        var thread = await _app.CreateThreadAsync(group, author);
        var (_, cookie) = await _app.SignInAsync(reader);
        var heard = Channel.CreateUnbounded<(int ThreadId, int PostId, int Number)>();
        await using var connection = _app.ConnectHub(cookie);
        connection.On<int, int, int>("NewPost", (t, p, n) => heard.Writer.TryWrite((t, p, n)));
        await connection.StartAsync();

        Assert.True(await connection.InvokeAsync<bool>("WatchThread", thread.Id));
        var authorBrowser = await _app.SignedInBrowserAsync(author);
        await authorBrowser.SubmitFormAsync(ForumFixtures.ThreadUrl(group, thread.Id) + "?page=1", new() { ["Body"] = "A new reply" }, "#reply form");
        await authorBrowser.SubmitFormAsync(ForumFixtures.ThreadUrl(group, thread.Id) + "?page=1", new() { ["Body"] = "And another" }, "#reply form");

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var first = await heard.Reader.ReadAsync(timeout.Token);
        var second = await heard.Reader.ReadAsync(timeout.Token);
        var posts = await _app.PostsAsync(thread.Id);
        Assert.Equal((thread.Id, posts[1].Id, 2), first);
        Assert.Equal((thread.Id, posts[2].Id, 3), second);
    }

    [Fact]
    public async Task Someone_who_may_not_read_the_thread_cannot_watch_it()
    {
        var group = await _app.CreateGroupAsync(visibility: GroupVisibility.MembersOnly);
        var member = await _app.CreateUserAsync();
        await _app.AddMemberAsync(group, member);
        var thread = await _app.CreateThreadAsync(group, member);
        var outsider = await _app.CreateUserAsync();
        var (_, cookie) = await _app.SignInAsync(outsider);
        var heard = 0;
        await using var connection = _app.ConnectHub(cookie);
        connection.On<int, int, int>("NewPost", (_, _, _) => Interlocked.Increment(ref heard));
        await connection.StartAsync();

        Assert.False(await connection.InvokeAsync<bool>("WatchThread", thread.Id));
        Assert.False(await connection.InvokeAsync<bool>("WatchThread", 999_999));
        await _app.CreateThreadAsync(group, member);
        var memberBrowser = await _app.SignedInBrowserAsync(member);
        await memberBrowser.SubmitFormAsync(ForumFixtures.ThreadUrl(group, thread.Id) + "?page=1", new() { ["Body"] = "Members only" }, "#reply form");
        // A round trip through the hub after the broadcast: anything sent to us would have arrived first.
        await connection.InvokeAsync<bool>("WatchThread", thread.Id);

        Assert.Equal(0, heard);
    }

    [Fact]
    public async Task The_hub_refuses_anonymous_connections()
    {
        await using var connection = _app.ConnectHub(cookie: "");

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => connection.StartAsync());
    }
}
