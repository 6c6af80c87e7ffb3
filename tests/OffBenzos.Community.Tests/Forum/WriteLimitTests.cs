using System.Net;
using OffBenzos.Community.Tests.Infrastructure;

namespace OffBenzos.Community.Tests.Forum;

public sealed class WriteLimitTests : IDisposable
{
    private readonly CommunityApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_new_member_posting_too_fast_gets_a_readable_429_and_keeps_their_text()
    {
        // Three writes an hour: the thread itself, then two replies.
        _app.Settings["RateLimits:NewMemberPostsPerHour"] = "3";
        var group = await _app.CreateGroupAsync();
        var user = await _app.CreateUserAsync();
        await _app.AddMemberAsync(group, user);
        var thread = await _app.CreateThreadAsync(group, user);
        var browser = await _app.SignedInBrowserAsync(user);
        var url = ForumFixtures.ThreadUrl(group, thread.Id) + "?page=1";

        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitFormAsync(url, new() { ["Body"] = "one" }, "#reply form")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitFormAsync(url, new() { ["Body"] = "two" }, "#reply form")).StatusCode);
        var third = await browser.SubmitFormAsync(url, new() { ["Body"] = "three, the one that matters" }, "#reply form");

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        var page = await third.ParseAsync();
        Assert.Contains("new members can post 3 times an hour", page.TextOf("#body-error"), StringComparison.Ordinal);
        Assert.Equal("three, the one that matters", page.QuerySelector("#Body")!.TextContent);
        Assert.Equal(3, (await _app.PostsAsync(thread.Id)).Count);
    }
}
