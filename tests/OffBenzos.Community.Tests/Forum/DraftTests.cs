using AngleSharp.Dom;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Forum;
using OffBenzos.Community.Tests.Infrastructure;

namespace OffBenzos.Community.Tests.Forum;

public sealed class DraftTests : IDisposable
{
    private readonly CommunityApp _app = new();

    public void Dispose() => _app.Dispose();

    private static async Task<HttpResponseMessage> SaveDraftAsync(HttpClient browser, string pageUrl, string key, string text)
    {
        var page = await browser.GetPageAsync(pageUrl);
        var token = page.QuerySelector("meta[name=request-verification-token]")!.GetAttribute("content")!;
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/drafts/{key}") { Content = JsonContent.Create(new { title = (string?)null, markdown = text }) };
        request.Headers.Add("RequestVerificationToken", token);
        return await browser.SendAsync(request);
    }

    [Fact]
    public async Task A_draft_saved_while_typing_is_there_after_signing_out_and_in_on_another_device()
    {
        var group = await _app.CreateGroupAsync();
        var user = await _app.CreateUserAsync();
        await _app.AddMemberAsync(group, user);
        var thread = await _app.CreateThreadAsync(group, user);
        var url = ForumFixtures.ThreadUrl(group, thread.Id) + "?page=1";
        var phone = await _app.SignedInBrowserAsync(user);

        var saved = await SaveDraftAsync(phone, url, $"reply:{thread.Id}", "It's 4am and I finally want to write this down...");
        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        await phone.SubmitFormAsync("/Identity/Account/Logout", []);

        var laptop = await _app.SignedInBrowserAsync(user);
        var page = await laptop.GetPageAsync(url);
        Assert.Equal("It's 4am and I finally want to write this down...", page.QuerySelector("#Body")!.TextContent);
        // When it was saved, so the page can say so.
        var savedAt = DateTimeOffset.Parse(page.QuerySelector(".composer")!.GetAttribute("data-draft-saved")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(_app.Clock.GetUtcNow(), savedAt, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Posting_clears_the_draft()
    {
        var group = await _app.CreateGroupAsync();
        var user = await _app.CreateUserAsync();
        await _app.AddMemberAsync(group, user);
        var thread = await _app.CreateThreadAsync(group, user);
        var url = ForumFixtures.ThreadUrl(group, thread.Id) + "?page=1";
        var browser = await _app.SignedInBrowserAsync(user);
        await SaveDraftAsync(browser, url, $"reply:{thread.Id}", "Half a thought");

        var posted = await browser.SubmitFormAsync(url, new() { ["Body"] = "Half a thought, finished." }, "#reply form");

        Assert.Contains($"sent=reply%3A{thread.Id}", posted.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal("", (await browser.GetPageAsync(url)).QuerySelector("#Body")!.TextContent);
    }

    [Fact]
    public async Task A_new_thread_draft_keeps_its_title_too()
    {
        var group = await _app.CreateGroupAsync();
        var user = await _app.CreateUserAsync();
        await _app.AddMemberAsync(group, user);
        var browser = await _app.SignedInBrowserAsync(user);

        // The no-script Preview button saves the draft as well.
        var preview = await browser.SubmitFormAsync($"/groups/{group.Slug}/new?handler=Preview", new() { ["Title"] = "Day 1 of my taper", ["Body"] = "*Nervous* but ready." }, "main form");
        var previewed = await preview.ParseAsync();
        Assert.Equal("Nervous", previewed.TextOf(".preview-body em"));

        var again = await browser.GetPageAsync($"/groups/{group.Slug}/new");
        Assert.Equal("Day 1 of my taper", again.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Title")!.Value);
        Assert.Equal("*Nervous* but ready.", again.QuerySelector("#Body")!.TextContent);
    }

    [Fact]
    public async Task Draft_and_preview_calls_need_sign_in_and_the_page_token()
    {
        var anonymous = await _app.CreateBrowser().PutAsJsonAsync("/api/drafts/reply:1", new { markdown = "x" });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        var user = await _app.CreateUserAsync();
        var browser = await _app.SignedInBrowserAsync(user);
        var noToken = await browser.PutAsJsonAsync("/api/drafts/reply:1", new { markdown = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);

        var badKey = await SaveDraftAsync(browser, "/", "../../etc", "x");
        Assert.Equal(HttpStatusCode.NotFound, badKey.StatusCode);
    }

    [Fact]
    public async Task Background_saves_are_limited_per_member_and_a_refused_save_changes_nothing()
    {
        _app.Settings["RateLimits:DraftSavesPerMinute"] = "3";
        var user = await _app.CreateUserAsync();
        var browser = await _app.SignedInBrowserAsync(user);
        for (var n = 1; n <= 3; n++)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await SaveDraftAsync(browser, "/", "reply:1", $"version {n}")).StatusCode);
        }
        var fast = await SaveDraftAsync(browser, "/", "reply:1", "version 4");
        Assert.Equal(HttpStatusCode.TooManyRequests, fast.StatusCode);
        Assert.Equal("version 3", await _app.WithDbAsync(db => db.Drafts.Where(d => d.UserId == user.Id).Select(d => d.Markdown).SingleAsync()));

        // Another member is not slowed by the first one's saves.
        var other = await _app.SignedInBrowserAsync(await _app.CreateUserAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await SaveDraftAsync(other, "/", "reply:1", "mine")).StatusCode);
    }

    [Fact]
    public async Task A_member_keeps_at_most_so_many_drafts_and_is_told_rather_than_losing_one()
    {
        var user = await _app.CreateUserAsync();
        var browser = await _app.SignedInBrowserAsync(user);
        var now = DateTimeOffset.UtcNow;
        await _app.WithDbAsync(db =>
        {
            db.Drafts.AddRange(Enumerable.Range(1, ForumService.DraftsMax).Select(n => new Draft { UserId = user.Id, Key = $"reply:{n}", Markdown = $"draft {n}", UpdatedAt = now }));
            return db.SaveChangesAsync();
        });

        var refused = await SaveDraftAsync(browser, "/", $"reply:{ForumService.DraftsMax + 1}", "one more");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("kept in this browser", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(ForumService.DraftsMax, await _app.WithDbAsync(db => db.Drafts.CountAsync(d => d.UserId == user.Id)));
        Assert.Equal("draft 1", await _app.WithDbAsync(db => db.Drafts.Where(d => d.UserId == user.Id && d.Key == "reply:1").Select(d => d.Markdown).SingleAsync()));

        // A draft already kept still saves.
        Assert.Equal(HttpStatusCode.NoContent, (await SaveDraftAsync(browser, "/", "reply:1", "draft 1, longer now")).StatusCode);
        Assert.Equal("draft 1, longer now", await _app.WithDbAsync(db => db.Drafts.Where(d => d.UserId == user.Id && d.Key == "reply:1").Select(d => d.Markdown).SingleAsync()));
    }
}
