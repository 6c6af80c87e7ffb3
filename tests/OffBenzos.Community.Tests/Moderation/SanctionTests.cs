using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Tests.Infrastructure;
using OffBenzos.Community.Web.Groups;
using OffBenzos.Community.Web.Moderation;

namespace OffBenzos.Community.Tests.Moderation;

public sealed class SanctionTests : IDisposable
{
    private readonly CommunityApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<(Group Group, int ThreadId, CommunityApp.TestUser Author, long ItemId, HttpClient Moderator)> FlaggedAuthorAsync()
    {
        var group = await _app.CreateGroupAsync();
        var author = await _app.CreateUserAsync(displayName: "Rough Rider");
        await _app.AddMemberAsync(group, author);
        var thread = await _app.CreateThreadAsync(group, author, posts: 2);
        var post = (await _app.PostsAsync(thread.Id))[0];
        await (await _app.SignedInBrowserAsync(await _app.CreateUserAsync())).FlagAsync("post", post.Id);
        return (group, thread.Id, author, (await _app.OnlyItemAsync()).Id, await _app.SiteModeratorAsync());
    }

    private static Task<HttpResponseMessage> SanctionAsync(HttpClient moderator, long itemId, string kind, int hours, string reason) =>
        moderator.SubmitFormAsync($"/moderation/items/{itemId}", new() { ["kind"] = kind, ["hours"] = hours.ToString(System.Globalization.CultureInfo.InvariantCulture), ["reason"] = reason }, "form.sanction-form");

    [Fact]
    public async Task The_dialog_suggests_the_next_step_up_the_ladder()
    {
        var (_, _, _, itemId, moderator) = await FlaggedAuthorAsync();

        Assert.Contains("Warning", (await moderator.GetPageAsync($"/moderation/items/{itemId}")).TextOf("#sanction + p strong"), StringComparison.Ordinal);
        await SanctionAsync(moderator, itemId, "Warning", 24, "Please keep it kind.");
        Assert.Equal("Silence for 1 day(s)", (await moderator.GetPageAsync($"/moderation/items/{itemId}")).TextOf("#sanction + p strong"));
    }

    [Fact]
    public async Task A_silenced_member_reads_but_cannot_post_react_or_flag_and_is_told_until_when_and_why_until_it_ends()
    {
        var (group, threadId, author, itemId, moderator) = await FlaggedAuthorAsync();
        var authorBrowser = await _app.SignedInBrowserAsync(author);

        await SanctionAsync(moderator, itemId, "Silence", 24, "Cooling off after heated replies.");

        var url = ForumFixtures.ThreadUrl(group, threadId) + "?page=1";
        var page = await authorBrowser.GetPageAsync(url);
        Assert.Contains("You can read, but not post", page.TextOf("#reply .notice"), StringComparison.Ordinal);
        Assert.Contains("Cooling off after heated replies.", page.TextOf("#reply .notice"), StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("button[formaction*='handler=React']"));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forced = await authorBrowser.PostAsync(url, new FormUrlEncodedContent([new("Body", "let me speak"), new("__RequestVerificationToken", token)]));
        Assert.Contains("You can read, but not post", (await forced.ParseAsync()).TextOf("#reply .notice"), StringComparison.Ordinal);
        Assert.Equal(2, (await _app.PostsAsync(threadId)).Count);
        var flag = await authorBrowser.FlagAsync("post", (await _app.PostsAsync(threadId))[1].Id);
        Assert.Contains("You can read, but not post", flag.TextOf("[role=alert]"), StringComparison.Ordinal);

        _app.Clock.Advance(TimeSpan.FromHours(25));
        var later = await authorBrowser.GetPageAsync(url);
        Assert.NotNull(later.QuerySelector("#reply form textarea"));
    }

    [Fact]
    public async Task A_suspended_member_is_signed_out_at_once_cannot_sign_in_and_their_live_connection_ends()
    {
        var (_, _, author, itemId, moderator) = await FlaggedAuthorAsync();
        var (browser, cookie) = await _app.SignInAsync(author);
        var closed = Channel.CreateUnbounded<bool>();
        await using var connection = _app.ConnectHub(cookie);
        connection.Closed += _ => { closed.Writer.TryWrite(true); return Task.CompletedTask; };
        await connection.StartAsync();

        await SanctionAsync(moderator, itemId, "Suspension", 168, "Repeated harassment.");

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        Assert.True(await closed.Reader.ReadAsync(timeout.Token));
        var page = await browser.GetAsync("/notifications");
        Assert.Equal("/Identity/Account/Suspended", page.Headers.Location?.OriginalString);
        var told = await browser.GetPageAsync("/Identity/Account/Suspended");
        Assert.Contains("Repeated harassment.", told.TextOf("[role=status]"), StringComparison.Ordinal);

        var again = await _app.CreateBrowser().SubmitFormAsync("/Identity/Account/Login", new() { ["Input.Email"] = author.Email, ["Input.Password"] = author.Password });
        Assert.Equal("/Identity/Account/Suspended", again.Headers.Location?.OriginalString);
        Assert.Contains(await _app.WaitForMessagesToAsync(author.Email), m => m.TextBody?.Contains("Repeated harassment.", StringComparison.Ordinal) == true);
        // Someone guessing the passphrase learns nothing: not that the account exists, nor that it is suspended, nor why.
        var guess = await _app.CreateBrowser().SubmitFormAsync("/Identity/Account/Login", new() { ["Input.Email"] = author.Email, ["Input.Password"] = "a wrong guess at it" });
        Assert.Equal(System.Net.HttpStatusCode.OK, guess.StatusCode);
        var guessed = await guess.ParseAsync();
        Assert.DoesNotContain("Repeated harassment.", guessed.Body!.TextContent, StringComparison.Ordinal);
        var nobody = await (await _app.CreateBrowser().SubmitFormAsync("/Identity/Account/Login", new() { ["Input.Email"] = "nobody@example.invalid", ["Input.Password"] = "a wrong guess at it" })).ParseAsync();
        Assert.Equal(nobody.TextOf("main [role=alert]"), guessed.TextOf("main [role=alert]"));

        // A suspension ends on time by itself.
        _app.Clock.Advance(TimeSpan.FromDays(8));
        var after = await _app.CreateBrowser().SubmitFormAsync("/Identity/Account/Login", new() { ["Input.Email"] = author.Email, ["Input.Password"] = author.Password });
        Assert.Equal("/", after.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Every_sanction_needs_a_reason_is_audited_and_group_moderators_cannot_sanction()
    {
        var (group, _, author, itemId, moderator) = await FlaggedAuthorAsync();

        var noReason = await moderator.FollowAsync(await SanctionAsync(moderator, itemId, "Ban", 24, ""));
        Assert.Contains("Please give a reason", noReason.TextOf("[role=alert]"), StringComparison.Ordinal);
        await SanctionAsync(moderator, itemId, "Ban", 24, "Selling pills.");
        var audit = await _app.WithDbAsync(db => db.ModerationActions.SingleAsync(a => a.Action.StartsWith("sanction.")));
        Assert.Equal(("sanction.ban", author.Id, "Selling pills."), (audit.Action, audit.TargetId, audit.Reason));

        var groupModerator = await _app.CreateUserAsync();
        await _app.AddMemberAsync(group, groupModerator, GroupRole.Moderator);
        var browser = await _app.SignedInBrowserAsync(groupModerator);
        var item = await browser.GetPageAsync($"/moderation/items/{itemId}");
        Assert.Null(item.QuerySelector("form.sanction-form"));
        Assert.Single(await _app.WithDbAsync(db => db.Sanctions.ToListAsync()));
    }
}
