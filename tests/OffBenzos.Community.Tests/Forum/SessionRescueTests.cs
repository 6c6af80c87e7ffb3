using System.Net;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Tests.Infrastructure;
using OffBenzos.Community.Web.Forum;

namespace OffBenzos.Community.Tests.Forum;

/// <summary>A member's words survive a session that ended while they were writing.</summary>
public sealed class SessionRescueTests : IDisposable
{
    private readonly CommunityApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_reply_sent_after_the_session_ended_is_kept_and_back_in_the_composer_after_sign_in()
    {
        var group = await _app.CreateGroupAsync();
        var user = await _app.CreateUserAsync();
        await _app.AddMemberAsync(group, user);
        var thread = await _app.CreateThreadAsync(group, user);
        var url = ForumFixtures.ThreadUrl(group, thread.Id) + "?page=1";
        var browser = await _app.SignedInBrowserAsync(user);
        var composer = await browser.GetPageAsync(url);

        // 31 days later the sign-in has expired; the member presses "Post reply" on the open page.
        _app.Clock.Advance(TimeSpan.FromDays(31));
        var response = await browser.SubmitFormAsync(composer, new() { ["Body"] = "Written over an hour at 4am. Please don't vanish." }, "#reply form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Identity/Account/Login", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Single(await _app.PostsAsync(thread.Id));

        var signIn = await browser.SubmitFormAsync(response.Headers.Location!.PathAndQuery, new() { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });
        var back = await browser.FollowAsync(signIn);
        Assert.Equal("Written over an hour at 4am. Please don't vanish.", back.QuerySelector("#Body")!.TextContent);
        Assert.Contains("We kept what you were writing", back.TextOf("#reply [role=status]"), StringComparison.Ordinal);
        Assert.False(await _app.WithDbAsync(db => db.SubmissionStashes.AnyAsync()));
    }

    [Fact]
    public async Task A_cross_site_post_without_the_sites_own_cookie_is_refused_and_keeps_nothing()
    {
        var group = await _app.CreateGroupAsync();
        var user = await _app.CreateUserAsync();
        await _app.AddMemberAsync(group, user);
        var thread = await _app.CreateThreadAsync(group, user);

        var forged = await _app.CreateBrowser().PostAsync(ForumFixtures.ThreadUrl(group, thread.Id),
            new FormUrlEncodedContent([new("Body", "planted text")]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False(await _app.WithDbAsync(db => db.SubmissionStashes.AnyAsync()));
    }

    [Fact]
    public async Task Signed_out_submits_are_kept_only_so_often_from_one_address()
    {
        var group = await _app.CreateGroupAsync();
        var user = await _app.CreateUserAsync();
        await _app.AddMemberAsync(group, user);
        var thread = await _app.CreateThreadAsync(group, user);
        var browser = _app.CreateBrowser();
        // Any page with a form gives the site's antiforgery cookie, which is all such a submit needs.
        await browser.GetPageAsync("/Identity/Account/Login");

        for (var n = 0; n <= RescueLimits.PerAddressPerHour; n++)
        {
            var sent = await browser.PostAsync(ForumFixtures.ThreadUrl(group, thread.Id), new FormUrlEncodedContent([new("Body", new string('x', 20_000))]));
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        Assert.Equal(RescueLimits.PerAddressPerHour, await _app.WithDbAsync(db => db.SubmissionStashes.CountAsync()));
    }
}
