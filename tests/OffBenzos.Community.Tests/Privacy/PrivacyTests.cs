using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OffBenzos.Community.Tests.Infrastructure;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Chat;
using OffBenzos.Community.Web.Forum;
using OffBenzos.Community.Web.Groups;
using OffBenzos.Community.Web.Moderation;
using OffBenzos.Community.Web.Notifications;
using OffBenzos.Community.Web.Privacy;
using OffBenzos.Community.Web.Sessions;

namespace OffBenzos.Community.Tests.Privacy;

/// <summary>A member's data is theirs: to see, to take, to erase; and staff see no more than they need.</summary>
public sealed class PrivacyTests : IDisposable
{
    private static readonly string[] ExportFiles =
    [
        "README.txt", "account.json", "blocks.json", "bookmarks.json", "chat-messages.json", "concerns.json", "consents.json", "drafts.json", "flags.json",
        "groups.json", "moderation.json", "notifications.json", "posts.json", "posts.md", "reactions.json", "sessions.json", "sign-ins.json", "threads.json",
    ];

    private readonly CommunityApp _app = new();

    public void Dispose() => _app.Dispose();

    /// <summary>A member with something of every kind: posts (one edited), a reaction, a bookmark, a draft, chat, a session, a flag, a block, a decision about them.</summary>
    private async Task<(CommunityApp.TestUser Member, CommunityApp.TestUser Other, Group Group, HttpClient Browser, string Cookie)> BusyMemberAsync()
    {
        var group = await _app.CreateGroupAsync(name: "Tapering together");
        var member = await _app.CreateUserAsync(displayName: "Exporting Ellis", country: "GB");
        var other = await _app.CreateUserAsync(displayName: "Private Pip");
        await _app.AddMemberAsync(group, member);
        await _app.AddMemberAsync(group, other);
        var (browser, cookie) = await _app.SignInAsync(member);
        var phone = _app.CreateBrowser();
        phone.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36");
        await phone.SubmitFormAsync("/Identity/Account/Login", new() { ["Input.Email"] = member.Email, ["Input.Password"] = member.Password });

        var thread = await _app.CreateThreadAsync(group, other, title: "Pip's private worries");
        var url = ForumFixtures.ThreadUrl(group, thread.Id) + "?page=1";
        await browser.SubmitFormAsync(url, new() { ["Body"] = "My words in **Pip's** thread, day 12 of my hold." }, "#reply form");
        var mine = (await _app.PostsAsync(thread.Id)).Single(p => p.AuthorId == member.Id);
        await browser.SubmitFormAsync($"/posts/{mine.Id}/edit", new() { ["Body"] = "My words, edited: day 12 of my hold." });
        var first = (await _app.PostsAsync(thread.Id))[0];
        await browser.PressAsync(url, $"button[formaction*='handler=React'][formaction*='postId={first.Id}'][value=Support]");

        var room = await _app.RoomOfAsync(group);
        await using (var chat = await ChatTestClient.ConnectAsync(_app, cookie))
        {
            await chat.JoinAsync(room);
            await chat.SendAsync(room, "Ellis says hello in chat");
        }
        var (_, otherCookie) = await _app.SignInAsync(other);
        await using (var chat = await ChatTestClient.ConnectAsync(_app, otherCookie))
        {
            await chat.JoinAsync(room);
            await chat.SendAsync(room, "Pip's own chat message");
        }

        await _app.WithDbAsync(async db =>
        {
            var now = _app.Clock.GetUtcNow();
            db.Drafts.Add(new Draft { UserId = member.Id, Key = "thread:1", Markdown = "Ellis's unfinished draft", UpdatedAt = now });
            db.Drafts.Add(new Draft { UserId = other.Id, Key = "thread:1", Markdown = "Pip's secret draft", UpdatedAt = now });
            db.Bookmarks.Add(new Bookmark { UserId = member.Id, PostId = (await _app.PostsAsync(thread.Id))[0].Id, At = now });
            db.MemberBlocks.Add(new MemberBlock { BlockerId = member.Id, BlockedId = other.Id, At = now });
            db.Notifications.Add(new Notification { UserId = other.Id, Kind = NotificationKind.Account, Summary = "Pip's private notice", CreatedAt = now });
            await db.SaveChangesAsync();
            return 0;
        });
        var coach = await _app.CoachAsync(group);
        var session = await _app.ScheduleSoonAsync(coach.Browser, group);
        await browser.AnswerAsync(session.Id, going: true);
        await browser.FlagAsync(ModerationTargets.Post, first.Id, "Other", "Worried this reveals too much");
        var moderator = await _app.CreateUserAsync(roles: OffBenzos.Community.Web.Authorization.SiteRoles.Moderator);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            Assert.Null(await scope.ServiceProvider.GetRequiredService<SanctionService>().ApplyAsync(moderator.Id, member.Id, SanctionKind.Warning, null, "Please keep contact details off the site."));
        }
        return (member, other, group, browser, cookie);
    }

    private async Task<DataExport> WaitForExportAsync(string userId)
    {
        for (var i = 0; i < 150; i++)
        {
            var export = await _app.WithDbAsync(db => db.DataExports.AsNoTracking().Where(e => e.UserId == userId).OrderByDescending(e => e.RequestedAt).FirstOrDefaultAsync());
            if (export is { Status: DataExportStatus.Ready or DataExportStatus.Failed })
            {
                return export;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The export was not prepared.");
    }

    [Fact]
    public async Task A_member_downloads_everything_held_about_them_and_nothing_of_anyone_elses_private_data()
    {
        var (member, other, _, browser, _) = await BusyMemberAsync();

        var wrong = await browser.SubmitFormAsync("/Identity/Account/Manage/Privacy", new() { ["passphrase"] = "not my passphrase at all" }, "form[action*='handler=Export']");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(0, await _app.WithDbAsync(db => db.DataExports.CountAsync()));

        var asked = await browser.SubmitFormAsync("/Identity/Account/Manage/Privacy", new() { ["passphrase"] = member.Password }, "form[action*='handler=Export']");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var export = await WaitForExportAsync(member.Id);
        Assert.Equal(DataExportStatus.Ready, export.Status);
        Assert.Contains(await _app.WithDbAsync(db => db.Notifications.Where(n => n.UserId == member.Id).Select(n => n.Summary).ToListAsync()), s => s == "Your data is ready to download");

        var page = await browser.GetPageAsync("/Identity/Account/Manage/Privacy");
        var link = page.QuerySelector("a[href*='handler=Download']")!.GetAttribute("href")!;
        var download = await browser.GetAsync(link);
        Assert.Equal("application/zip", download.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(await download.Content.ReadAsStreamAsync());
        var files = zip.Entries.ToDictionary(e => e.FullName, e => new StreamReader(e.Open()).ReadToEnd());

        Assert.Equal(ExportFiles, files.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(member.Email, files["account.json"], StringComparison.Ordinal);
        Assert.Contains("health-data", files["consents.json"], StringComparison.Ordinal);
        Assert.Contains("Tapering together", files["groups.json"], StringComparison.Ordinal);
        var posts = JsonDocument.Parse(files["posts.json"]).RootElement;
        Assert.Equal("My words, edited: day 12 of my hold.", posts[0].GetProperty("markdown").GetString());
        Assert.Equal("My words in **Pip's** thread, day 12 of my hold.", posts[0].GetProperty("revisions")[0].GetProperty("markdown").GetString());
        Assert.Contains("My words, edited: day 12 of my hold.", files["posts.md"], StringComparison.Ordinal);
        Assert.Contains("Support", files["reactions.json"], StringComparison.Ordinal);
        Assert.Contains("postId", files["bookmarks.json"], StringComparison.Ordinal);
        Assert.Contains("Ellis's unfinished draft", files["drafts.json"], StringComparison.Ordinal);
        Assert.Contains("Ellis says hello in chat", files["chat-messages.json"], StringComparison.Ordinal);
        Assert.Contains("Going", files["sessions.json"], StringComparison.Ordinal);
        Assert.Contains("Worried this reveals too much", files["flags.json"], StringComparison.Ordinal);
        Assert.Contains("Please keep contact details off the site.", files["moderation.json"], StringComparison.Ordinal);
        Assert.Contains("Private Pip", files["blocks.json"], StringComparison.Ordinal);
        Assert.Contains("Chrome on Android", files["sign-ins.json"], StringComparison.Ordinal);
        Assert.Contains("Your data is ready", await browser.GetStringAsync("/notifications"), StringComparison.Ordinal);

        // Nothing private of the other member: their e-mail, draft, notices, chat, or the text of what was flagged.
        var everything = string.Join("\n", files.Values);
        foreach (var secret in new[] { other.Email, other.Id, "Pip's secret draft", "Pip's private notice", "Pip's own chat message", "Post number 1" })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }

        // Only its owner can fetch it, and only until it expires.
        var otherBrowser = await _app.SignedInBrowserAsync(other);
        Assert.Equal(HttpStatusCode.NotFound, (await otherBrowser.GetAsync(link)).StatusCode);
        _app.Clock.Advance(TimeSpan.FromDays(8));
        var fresh = await _app.SignedInBrowserAsync(member);
        Assert.Equal(HttpStatusCode.NotFound, (await fresh.GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task The_export_reports_its_progress_to_its_owner_only()
    {
        var member = await _app.CreateUserAsync();
        var browser = await _app.SignedInBrowserAsync(member);
        var (id, error) = await RequestExportAsync(member);
        Assert.Null(error);
        await WaitForExportAsync(member.Id);

        var status = await browser.GetFromJsonAsync<JsonElement>($"/Identity/Account/Manage/Privacy?handler=ExportStatus&id={id}");
        Assert.Equal(("Ready", 100), (status.GetProperty("status").GetString(), status.GetProperty("progress").GetInt32()));
        var stranger = await _app.SignedInBrowserAsync(await _app.CreateUserAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Identity/Account/Manage/Privacy?handler=ExportStatus&id={id}")).StatusCode);
    }

    private async Task<(Guid? Id, string? Error)> RequestExportAsync(CommunityApp.TestUser member)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<CommunityUser>>();
        return await scope.ServiceProvider.GetRequiredService<DataExportService>().RequestAsync((await users.FindByIdAsync(member.Id))!, member.Password);
    }

    private static async Task<HttpResponseMessage> AskToDeleteAsync(HttpClient browser, string password, string posts) =>
        await browser.SubmitFormAsync("/Identity/Account/Manage/DeleteAccount", new() { ["Passphrase"] = password, ["Posts"] = posts });

    private async Task EraseDueAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RetentionService>().RunAsync();
    }

    [Fact]
    public async Task Deleting_with_posts_removed_erases_the_account_and_everything_personal_after_the_grace_period()
    {
        var (member, other, group, browser, _) = await BusyMemberAsync();
        var laptop = await _app.SignedInBrowserAsync(member);

        Assert.Equal(HttpStatusCode.BadRequest, (await AskToDeleteAsync(browser, "wrong passphrase here", "remove")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await AskToDeleteAsync(browser, member.Password, "")).StatusCode);
        Assert.Null(await _app.WithDbAsync(db => db.Users.Where(u => u.Id == member.Id).Select(u => u.DeletionRequestedAt).SingleAsync()));

        var asked = await AskToDeleteAsync(browser, member.Password, "remove");
        Assert.Contains("Your account will be deleted", (await asked.ParseAsync()).TextOf("h1"), StringComparison.Ordinal);
        var mails = await _app.WaitForMessagesToAsync(member.Email);
        Assert.Single(mails, m => m.Subject?.Contains("will be deleted", StringComparison.Ordinal) == true);
        // Signed out everywhere.
        _app.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(HttpStatusCode.Redirect, (await laptop.GetAsync("/Identity/Account/Manage")).StatusCode);

        // Nothing is erased during the grace period.
        _app.Clock.Advance(TimeSpan.FromDays(13));
        await EraseDueAsync();
        Assert.True(await _app.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == member.Id)));

        _app.Clock.Advance(TimeSpan.FromDays(2));
        await EraseDueAsync();

        await _app.WithDbAsync(async db =>
        {
            Assert.False(await db.Users.AnyAsync(u => u.Id == member.Id || u.Email == member.Email || u.DisplayName == member.DisplayName));
            Assert.False(await db.ConsentRecords.AnyAsync(c => c.UserId == member.Id));
            Assert.False(await db.Drafts.AnyAsync(d => d.UserId == member.Id));
            Assert.False(await db.Notifications.AnyAsync(n => n.UserId == member.Id));
            Assert.False(await db.SessionRsvps.AnyAsync(r => r.UserId == member.Id));
            Assert.False(await db.MemberBlocks.AnyAsync(b => b.BlockerId == member.Id || b.BlockedId == member.Id));
            Assert.False(await db.Bookmarks.AnyAsync(b => b.UserId == member.Id));
            Assert.False(await db.Reactions.AnyAsync(r => r.UserId == member.Id));
            Assert.False(await db.GroupMemberships.AnyAsync(m => m.UserId == member.Id));
            Assert.False(await db.SignInRecords.AnyAsync(s => s.UserId == member.Id));
            Assert.False(await db.Sanctions.AnyAsync(s => s.UserId == member.Id));
            Assert.False(await db.ChatMessages.AnyAsync(m => m.AuthorId == member.Id));
            Assert.False(await db.UserRoles.AnyAsync(r => r.UserId == member.Id));
            var post = await db.Posts.SingleAsync(p => p.AuthorId == member.Id);
            Assert.Equal(("", "", "", ContentState.RemovedByAuthor), (post.Markdown, post.Html, post.PlainText, post.State));
            Assert.False(await db.PostRevisions.AnyAsync(r => r.PostId == post.Id));
            // Moderation facts stay, under the old account id that now leads nowhere.
            Assert.True(await db.ModerationActions.AnyAsync(a => a.TargetId == member.Id && a.Action == "sanction.warning"));
            Assert.True(await db.Flags.AnyAsync(f => f.FlaggerId == member.Id));
            var record = await db.ErasureRecords.SingleAsync();
            Assert.Equal((member.Id, false), (record.Pseudonym, record.KeptPosts));
            // Others' data is untouched.
            Assert.True(await db.Drafts.AnyAsync(d => d.UserId == other.Id));
            Assert.True(await db.ChatMessages.AnyAsync(m => m.AuthorId == other.Id));
            return 0;
        });
        var audit = await (await _app.SiteModeratorAsync()).GetAsync("/moderation/audit?verify=1");
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        Assert.DoesNotContain("My words", await (await _app.SignedInBrowserAsync(other)).GetStringAsync($"/groups/{group.Slug}/threads/{(await _app.WithDbAsync(db => db.Threads.FirstAsync())).Id}?page=1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erasing_with_posts_removed_also_clears_their_thread_titles_and_name_from_other_members_notices()
    {
        var group = await _app.CreateGroupAsync();
        var leaving = await _app.CreateUserAsync(displayName: "Leaving Lena");
        var replier = await _app.CreateUserAsync();
        var answerer = await _app.CreateUserAsync();
        foreach (var user in new[] { leaving, replier, answerer })
        {
            await _app.AddMemberAsync(group, user);
        }
        var thread = await _app.CreateThreadAsync(group, leaving, title: "Lena's withdrawal at 0.25 mg");
        var url = ForumFixtures.ThreadUrl(group, thread.Id) + "?page=1";
        await (await _app.SignedInBrowserAsync(replier)).SubmitFormAsync(url, new() { ["Body"] = "Thinking of you." }, "#reply form");
        var replied = (await _app.PostsAsync(thread.Id))[1].Id;
        await (await _app.SignedInBrowserAsync(answerer)).SubmitFormAsync(url + $"&replyTo={replied}", new() { ["Body"] = "Same here, Lena." }, "#reply form");
        var flagger = await _app.CreateUserAsync();
        await (await _app.SignedInBrowserAsync(flagger)).FlagAsync(ModerationTargets.Profile, leaving.Id, "Other", "Checking on the name");
        await (await _app.SiteModeratorAsync()).DecideAsync((await _app.OnlyItemAsync()).Id, "Ignore");
        Assert.True(await _app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == replier.Id && n.Summary == "Lena's withdrawal at 0.25 mg")));
        Assert.True(await _app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == flagger.Id && n.Summary == "Leaving Lena")));

        await AskToDeleteAsync(await _app.SignedInBrowserAsync(leaving), leaving.Password, "remove");
        _app.Clock.Advance(TimeSpan.FromDays(15));
        await EraseDueAsync();

        var notices = await _app.WithDbAsync(db => db.Notifications.Where(n => n.UserId == replier.Id || n.UserId == flagger.Id).Select(n => n.Summary + " " + n.Detail).ToListAsync());
        Assert.NotEmpty(notices);
        Assert.All(notices, n => Assert.DoesNotContain("Lena", n, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deleting_with_posts_kept_leaves_them_readable_as_by_a_former_member()
    {
        var group = await _app.CreateGroupAsync();
        var member = await _app.CreateUserAsync(displayName: "Leaving Lou");
        await _app.AddMemberAsync(group, member);
        var thread = await _app.CreateThreadAsync(group, member, posts: 2, title: "What helped me sleep");
        var browser = await _app.SignedInBrowserAsync(member);

        await AskToDeleteAsync(browser, member.Password, "keep");
        Assert.True(await _app.WithDbAsync(db => db.Users.Where(u => u.Id == member.Id).Select(u => u.DeletionKeepsPosts).SingleAsync()));
        _app.Clock.Advance(TimeSpan.FromDays(15));
        await EraseDueAsync();

        Assert.False(await _app.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == member.Id)));
        Assert.True((await _app.WithDbAsync(db => db.ErasureRecords.SingleAsync())).KeptPosts);
        var page = await (await _app.SignedInBrowserAsync(await _app.CreateUserAsync())).GetPageAsync(ForumFixtures.ThreadUrl(group, thread.Id) + "?page=1");
        Assert.Contains("Post number 2", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("a former member", page.TextOf(".post .author"), StringComparison.Ordinal);
        Assert.DoesNotContain("Leaving Lou", page.Body.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_in_during_the_grace_period_cancels_the_deletion()
    {
        var member = await _app.CreateUserAsync();
        var browser = await _app.SignedInBrowserAsync(member);
        await AskToDeleteAsync(browser, member.Password, "remove");
        _app.Clock.Advance(TimeSpan.FromDays(10));

        var back = await _app.SignedInBrowserAsync(member);

        Assert.Null(await _app.WithDbAsync(db => db.Users.Where(u => u.Id == member.Id).Select(u => u.DeletionDueAt).SingleAsync()));
        Assert.Contains("your account will not be deleted", await back.GetStringAsync("/notifications"), StringComparison.Ordinal);
        _app.Clock.Advance(TimeSpan.FromDays(10));
        await EraseDueAsync();
        Assert.True(await _app.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == member.Id)));
    }

    [Fact]
    public async Task When_the_consent_text_changes_members_are_asked_again_before_they_go_on()
    {
        using var app = new CommunityApp();
        app.Settings["Community:HealthDataConsentVersion"] = "2027-01-15";
        var member = await app.CreateUserAsync();
        var browser = await app.SignedInBrowserAsync(member);

        var asked = await browser.GetAsync("/groups");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Equal("/consent?returnUrl=%2Fgroups", asked.Headers.Location!.OriginalString);
        // Help and their own data stay open.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/crisis")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Identity/Account/Manage/Privacy")).StatusCode);

        var refused = await browser.SubmitFormAsync("/consent?returnUrl=%2Fgroups", []);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var agreed = await browser.SubmitFormAsync("/consent?returnUrl=%2Fgroups", new() { ["agree"] = "true" });
        Assert.Equal("/groups", agreed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/groups")).StatusCode);
        Assert.Equal(["2026-11-27", "2027-01-15"], await app.WithDbAsync(db => db.ConsentRecords.Where(c => c.UserId == member.Id && c.Kind == ConsentKinds.HealthData).OrderBy(c => c.Id).Select(c => c.Version).ToListAsync()));
    }

    [Fact]
    public async Task A_member_sees_recent_sign_ins_and_signing_out_everywhere_ends_other_sessions_and_chat()
    {
        var group = await _app.CreateGroupAsync();
        var room = await _app.RoomOfAsync(group);
        var (member, chat, _) = await _app.ChatMemberAsync(group, room);
        await using var c = chat;
        var phone = _app.CreateBrowser();
        phone.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1");
        await phone.SubmitFormAsync("/Identity/Account/Login", new() { ["Input.Email"] = member.Email, ["Input.Password"] = member.Password });

        var page = await phone.GetPageAsync("/Identity/Account/Manage/Privacy");
        Assert.Contains("Safari on iPhone", page.TextOf("#signins-title + ul"), StringComparison.Ordinal);

        await phone.SubmitFormAsync("/Identity/Account/Manage/SignOutEverywhere", []);

        Assert.Equal("session ended", await ChatTestClient.NextAsync(c.Closed));
    }

    [Fact]
    public async Task Retention_deletes_old_chat_notifications_drafts_and_sign_ins_and_keeps_the_rest()
    {
        var group = await _app.CreateGroupAsync();
        var room = await _app.RoomOfAsync(group);
        var (member, chat, _) = await _app.ChatMemberAsync(group, room);
        await using var c = chat;
        await c.SendAsync(room, "an old message");
        await _app.WithDbAsync(db =>
        {
            var now = _app.Clock.GetUtcNow();
            db.Notifications.Add(new Notification { UserId = member.Id, Kind = NotificationKind.Account, Summary = "old notice", CreatedAt = now });
            db.Drafts.Add(new Draft { UserId = member.Id, Key = "thread:9", Markdown = "an old draft", UpdatedAt = now });
            return db.SaveChangesAsync();
        });

        _app.Clock.Advance(TimeSpan.FromDays(91));
        // The old sign-in has long expired: back in, as the member would.
        await using var again = await ChatTestClient.ConnectAsync(_app, (await _app.SignInAsync(member)).Cookie);
        await again.JoinAsync(room);
        await again.SendAsync(room, "a recent message");
        await EraseDueAsync();
        Assert.Equal(["a recent message"], await _app.WithDbAsync(db => db.ChatMessages.Select(m => m.Text).ToListAsync()));
        Assert.True(await _app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Summary == "old notice")));

        _app.Clock.Advance(TimeSpan.FromDays(89));
        await EraseDueAsync();
        Assert.False(await _app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Summary == "old notice")));
        Assert.False(await _app.WithDbAsync(db => db.Drafts.AnyAsync()));
        // The first sign-in (180 days ago) is gone; the one 89 days ago is kept.
        Assert.Equal(1, await _app.WithDbAsync(db => db.SignInRecords.CountAsync(s => s.UserId == member.Id)));
    }

    [Fact]
    public async Task Only_an_admin_with_a_reason_sees_a_members_e_mail_and_the_look_is_audited()
    {
        var member = await _app.CreateUserAsync(displayName: "Private Pat");
        var moderator = await _app.SiteModeratorAsync();
        var refused = await moderator.GetAsync($"/admin/members/{member.Id}");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.DoesNotContain(member.Email, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var adminUser = await _app.CreateUserAsync(roles: OffBenzos.Community.Web.Authorization.SiteRoles.Admin);
        var admin = await _app.SignedInWithTwoFactorAsync(adminUser, await _app.EnableTwoFactorAsync(adminUser));
        var page = await admin.GetPageAsync($"/admin/members/{member.Id}");
        Assert.DoesNotContain(member.Email, page.Body!.TextContent, StringComparison.Ordinal);

        var noReason = await admin.SubmitFormAsync(page, new() { ["Reason"] = "because" }, "form[action*='handler=Reveal']");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.DoesNotContain(member.Email, await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await _app.WithDbAsync(db => db.ModerationActions.AnyAsync(a => a.Action == "member.email-reveal")));

        var shown = await admin.SubmitFormAsync(page, new() { ["Reason"] = "Emergency: member posted they took an overdose." }, "form[action*='handler=Reveal']");
        Assert.Contains(member.Email, (await shown.ParseAsync()).TextOf("[role=status]"), StringComparison.Ordinal);
        var audit = await _app.WithDbAsync(db => db.ModerationActions.SingleAsync(a => a.Action == "member.email-reveal"));
        Assert.Equal((adminUser.Id, member.Id, "Emergency: member posted they took an overdose."), (audit.ActorId, audit.TargetId, audit.Reason));
    }

    [Fact]
    public async Task Moderators_working_an_item_never_see_the_authors_e_mail()
    {
        var group = await _app.CreateGroupAsync();
        var author = await _app.CreateUserAsync();
        await _app.AddMemberAsync(group, author);
        var thread = await _app.CreateThreadAsync(group, author);
        var flagger = await _app.CreateUserAsync();
        await _app.AddMemberAsync(group, flagger);
        await (await _app.SignedInBrowserAsync(flagger)).FlagAsync(ModerationTargets.Post, (await _app.PostsAsync(thread.Id))[0].Id);
        var moderator = await _app.SiteModeratorAsync();

        foreach (var url in new[] { "/moderation", $"/moderation/items/{(await _app.OnlyItemAsync()).Id}", "/moderation/audit", "/moderation/dashboard" })
        {
            var html = await moderator.GetStringAsync(url);
            Assert.DoesNotContain(author.Email, html, StringComparison.Ordinal);
            Assert.DoesNotContain(flagger.Email, html, StringComparison.Ordinal);
        }
    }
}
