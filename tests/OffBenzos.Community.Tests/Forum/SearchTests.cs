using System.Net;
using AngleSharp.Dom;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OffBenzos.Community.Tests.Infrastructure;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Forum;
using OffBenzos.Community.Web.Groups;
using OffBenzos.Community.Web.Search;

namespace OffBenzos.Community.Tests.Forum;

public sealed class SearchTests : IDisposable
{
    private readonly CommunityApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_word_is_found_in_post_bodies_and_thread_titles_with_the_title_match_first()
    {
        var group = await _app.CreateGroupAsync(name: "Evening circle");
        var author = await MemberOfAsync(group, "Harbour Hana");
        var inBody = await WriteThreadAsync(_app, group, author, "Walking helps me", "I walk to the lighthouse every evening and back.");
        var inTitle = await WriteThreadAsync(_app, group, author, "Lighthouse evenings", "We meet at dusk by the sea.");
        await WriteThreadAsync(_app, group, author, "Something else", "Nothing to see here.");

        var page = await SearchAsync(_app.CreateBrowser(), "lighthouse");

        Assert.Equal([$"/posts/{inTitle.PostId}", $"/posts/{inBody.PostId}"], Links(page));
        Assert.Equal("2 posts match “lighthouse”.", page.TextOf("[role=status]"));
        var first = page.QuerySelectorAll(".search-hit")[0];
        Assert.Equal("Lighthouse", first.TextOf(".thread-title mark"));
        Assert.Contains("Harbour Hana in Evening circle", first.TextOf(".meta"), StringComparison.Ordinal);
        Assert.Equal($"/groups/{group.Slug}", first.QuerySelector(".meta a")!.GetAttribute("href"));
        Assert.Equal("just now", first.TextOf(".meta time"));
        Assert.Equal("lighthouse", page.QuerySelectorAll(".search-hit")[1].TextOf(".snippet mark"));
    }

    [Fact]
    public async Task Matched_words_are_marked_and_everything_else_is_shown_as_text()
    {
        var group = await _app.CreateGroupAsync();
        var author = await MemberOfAsync(group);
        await WriteThreadAsync(_app, group, author, "Tags <i>calm</i> & more", "Typing `<b>` and <script>alert(1)</script> keeps me calm & \"quiet\".");

        var page = await SearchAsync(_app.CreateBrowser(), "calm");

        var hit = Assert.Single(page.QuerySelectorAll(".search-hit"));
        Assert.Empty(hit.QuerySelectorAll("b, i, script"));
        Assert.Equal(["calm"], hit.QuerySelectorAll(".snippet mark").Select(m => m.TextContent));
        Assert.Contains("<b>", hit.TextOf(".snippet"), StringComparison.Ordinal);
        Assert.Contains("<script>alert(1)</script>", hit.TextOf(".snippet"), StringComparison.Ordinal);
        Assert.Equal("Tags <i>calm</i> & more", hit.TextOf(".thread-title"));
        Assert.Equal("calm", hit.TextOf(".thread-title mark"));
    }

    [Fact]
    public async Task Case_and_diacritics_do_not_matter_and_the_last_word_may_be_the_start_of_a_word()
    {
        var group = await _app.CreateGroupAsync();
        var author = await MemberOfAsync(group);
        var post = await WriteThreadAsync(_app, group, author, "Morning routine", "A café au lait and tapering slowly.");
        var browser = _app.CreateBrowser();

        Assert.Equal([$"/posts/{post.PostId}"], Links(await SearchAsync(browser, "cafe")));
        Assert.Equal("café", (await SearchAsync(browser, "CAFE")).TextOf(".snippet mark"));
        Assert.Equal([$"/posts/{post.PostId}"], Links(await SearchAsync(browser, "slowly tap")));
        Assert.Equal(["tapering", "slowly"], (await SearchAsync(browser, "slowly tap")).QuerySelectorAll(".snippet mark").Select(m => m.TextContent));
        // Only the last word is a prefix.
        Assert.Empty(Links(await SearchAsync(browser, "tap slowly")));
        // One letter is too short to be a prefix: it would match most of the index.
        Assert.Empty(Links(await SearchAsync(browser, "slowly t")));
    }

    [Fact]
    public async Task Posts_in_a_members_only_group_are_found_by_its_members_only()
    {
        var group = await _app.CreateGroupAsync(visibility: GroupVisibility.MembersOnly);
        var member = await MemberOfAsync(group);
        var post = await WriteThreadAsync(_app, group, member, "Private worries", "The nightmares about withdrawal came back.");
        var outsider = await _app.CreateUserAsync();
        var otherGroup = await _app.CreateGroupAsync(visibility: GroupVisibility.MembersOnly);
        await _app.AddMemberAsync(otherGroup, outsider);

        Assert.Equal([$"/posts/{post.PostId}"], Links(await SearchAsync(await _app.SignedInBrowserAsync(member), "nightmares")));
        Assert.Equal("No posts match “nightmares”. Try fewer words, or a different spelling.",
            (await SearchAsync(await _app.SignedInBrowserAsync(outsider), "nightmares")).TextOf("[role=status]"));
        Assert.Empty(Links(await SearchAsync(_app.CreateBrowser(), "nightmares")));
    }

    [Fact]
    public async Task Posts_by_a_member_the_reader_blocked_are_left_out_for_that_reader_only()
    {
        var group = await _app.CreateGroupAsync();
        var unwelcome = await MemberOfAsync(group);
        var friend = await MemberOfAsync(group);
        var reader = await MemberOfAsync(group);
        var theirs = await WriteThreadAsync(_app, group, unwelcome, "Opinions", "My strong opinions about melatonin.");
        var mine = await ReplyAsync(_app, theirs.ThreadId, friend, "Melatonin helped me a little.");
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            Assert.Null(await scope.ServiceProvider.GetRequiredService<BlockService>().SetAsync(reader.Id, unwelcome.Id, block: true));
        }

        Assert.Equal([$"/posts/{mine}"], Links(await SearchAsync(await _app.SignedInBrowserAsync(reader), "melatonin")));
        Assert.Equal(2, Links(await SearchAsync(await _app.SignedInBrowserAsync(friend), "melatonin")).Count);
        Assert.Equal(2, Links(await SearchAsync(_app.CreateBrowser(), "melatonin")).Count);
    }

    [Fact]
    public async Task Hidden_and_removed_posts_and_hidden_threads_are_not_found()
    {
        var group = await _app.CreateGroupAsync();
        var author = await MemberOfAsync(group);
        var moderator = await _app.CreateUserAsync();
        var opening = await WriteThreadAsync(_app, group, author, "Kept thread", "Opening words about kayaking.");
        var removedByAuthor = await ReplyAsync(_app, opening.ThreadId, author, "Removed words about kayaking.");
        var hiddenByModerator = await ReplyAsync(_app, opening.ThreadId, author, "Hidden words about kayaking.");
        var hiddenThread = await WriteThreadAsync(_app, group, author, "Hidden thread", "Kayaking in a hidden thread.");
        await WithServicesAsync(_app, async (db, forum, moderation) =>
        {
            await forum.RemoveOwnAsync(await db.Posts.SingleAsync(p => p.Id == removedByAuthor));
            // Post moderation has no page yet; its state is what search must respect.
            await db.Posts.Where(p => p.Id == hiddenByModerator).ExecuteUpdateAsync(s => s.SetProperty(p => p.State, ContentState.Hidden));
            await moderation.SetStateAsync(await db.Threads.SingleAsync(t => t.Id == hiddenThread.ThreadId), ContentState.Hidden, "Checking", moderator.Id);
        });
        var browser = _app.CreateBrowser();

        Assert.Equal([$"/posts/{opening.PostId}"], Links(await SearchAsync(browser, "kayaking")));

        await WithServicesAsync(_app, async (db, _, moderation) =>
            await moderation.SetStateAsync(await db.Threads.SingleAsync(t => t.Id == hiddenThread.ThreadId), ContentState.Visible, null, moderator.Id));
        Assert.Equal(2, Links(await SearchAsync(browser, "kayaking")).Count);
    }

    [Fact]
    public async Task An_edited_post_is_found_by_its_new_words_and_not_its_old_ones()
    {
        var group = await _app.CreateGroupAsync();
        var author = await MemberOfAsync(group);
        var post = await WriteThreadAsync(_app, group, author, "Changing my mind", "I tried valerian for sleep.");
        var browser = await _app.SignedInBrowserAsync(author);

        var saved = await browser.SubmitFormAsync($"/posts/{post.PostId}/edit", new() { ["Body"] = "I tried chamomile for sleep." }, "main form");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.Empty(Links(await SearchAsync(browser, "valerian")));
        Assert.Equal([$"/posts/{post.PostId}"], Links(await SearchAsync(browser, "chamomile")));
    }

    [Fact]
    public async Task A_moved_thread_is_found_in_its_new_group_and_only_by_those_who_may_read_it()
    {
        var from = await _app.CreateGroupAsync(name: "Open group");
        var to = await _app.CreateGroupAsync(name: "Closed group", visibility: GroupVisibility.MembersOnly);
        var author = await MemberOfAsync(from);
        await _app.AddMemberAsync(to, author);
        var moderator = await _app.CreateUserAsync();
        var post = await WriteThreadAsync(_app, from, author, "Moving on", "Thoughts about gardening while tapering.");
        Assert.Equal([$"/posts/{post.PostId}"], Links(await SearchAsync(_app.CreateBrowser(), "gardening")));

        await WithServicesAsync(_app, async (db, _, moderation) =>
            await moderation.MoveAsync(await db.Threads.SingleAsync(t => t.Id == post.ThreadId), to.Id, moderator.Id));

        Assert.Empty(Links(await SearchAsync(_app.CreateBrowser(), "gardening")));
        var page = await SearchAsync(await _app.SignedInBrowserAsync(author), "gardening");
        Assert.Equal([$"/posts/{post.PostId}"], Links(page));
        Assert.Contains("in Closed group", page.TextOf(".search-hit .meta"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_syntax_in_the_search_box_is_read_as_plain_words_and_never_fails()
    {
        var group = await _app.CreateGroupAsync();
        var author = await MemberOfAsync(group);
        var post = await WriteThreadAsync(_app, group, author, "Breathing", "Box breathing near a lighthouse picture on the title page helps, and not much else or more.");
        var browser = _app.CreateBrowser();
        // Each is read as its words, all required; these all name words of the post.
        string[] finding =
        [
            "\"lighthouse", "lighthouse\"", "\"lighthouse\"", "lighthouse*", "*lighthouse", "-lighthouse", "lighthouse -box",
            "(lighthouse", "lighthouse)", "NEAR(lighthouse box", "title:lighthouse", "title : lighthouse",
            "{title}: lighthouse", "^lighthouse", "lighthouse + box", "lighthouse AND OR NOT", "Lighthouse, box!",
            "lighthouse\u0000", "lighthouse \uE000box\uE001", "lighthou",
        ];
        string[] harmless =
        [
            "\"", "*", "-", "(", ")", "NEAR(", "NEAR(lighthouse, box, 2)", "title:", "AND OR NOT", "AND", "\"\"*", "':;", "\uE000", "PlainText:lighthouse",
            "lighthouse'; DROP TABLE Posts; --", "ＬＩＧＨＴＨＯＵＳＥ", "lighthouse OR nonsense", string.Join(" ", Enumerable.Repeat("(\"a\"*", 100)),
        ];

        foreach (var query in finding)
        {
            Assert.True(Links(await SearchAsync(browser, query)).SequenceEqual([$"/posts/{post.PostId}"]), query);
        }
        foreach (var url in harmless.Select(SearchUrl).Append("/search?q=%ED%A0%80%FF%22"))
        {
            var response = await browser.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            Assert.NotNull((await response.ParseAsync()).QuerySelector("[role=status]"));
        }
        Assert.Single(await _app.PostsAsync(post.ThreadId));
    }

    [Fact]
    public async Task Without_words_the_page_asks_for_some()
    {
        var browser = _app.CreateBrowser();

        var empty = await browser.GetPageAsync("/search");
        Assert.Equal("Type a word or two to find posts, for example “sleep” or “taper plan”.", empty.TextOf("[role=status]"));
        Assert.Equal("q", empty.QuerySelector("form[role=search][method=get] input[type=search]")!.GetAttribute("name"));
        Assert.Equal("Search the posts you can read", empty.TextOf("label[for=q]"));
        Assert.Null(empty.QuerySelector(".search-results"));

        Assert.Equal(empty.TextOf("[role=status]"), (await SearchAsync(browser, "   ")).TextOf("[role=status]"));
        Assert.Equal("Please type a word or two to search for: letters or numbers.", (await SearchAsync(browser, "?!* \"")).TextOf("[role=status]"));
    }

    [Fact]
    public async Task Results_come_twenty_to_a_page_and_the_pager_keeps_the_words()
    {
        var group = await _app.CreateGroupAsync();
        var author = await MemberOfAsync(group);
        var opening = await WriteThreadAsync(_app, group, author, "Counting days", "Day 1 of my taper diary.");
        for (var day = 2; day <= 25; day++)
        {
            await ReplyAsync(_app, opening.ThreadId, author, $"Day {day} of my taper diary.");
        }
        var browser = _app.CreateBrowser();

        var first = await SearchAsync(browser, "taper diary");
        Assert.Equal(20, Links(first).Count);
        Assert.Equal("25 posts match “taper diary”, page 1 of 2.", first.TextOf("[role=status]"));
        Assert.Equal("Page 1 of 2", first.TextOf(".pager [aria-current=page]"));
        var next = first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!;
        Assert.Equal("/search?q=taper%20diary&page=2", next);

        var second = await browser.GetPageAsync(next);
        Assert.Equal(5, Links(second).Count);
        Assert.Empty(Links(first).Intersect(Links(second)));
        Assert.Null(second.QuerySelector(".pager a[rel=next]"));
        Assert.Equal("/search?q=taper%20diary&page=1", second.QuerySelector(".pager a[rel=prev]")!.GetAttribute("href"));
        // Past the end: the last page, not an empty one.
        Assert.Equal(Links(second), Links(await browser.GetPageAsync("/search?q=taper+diary&page=99")));
    }

    [Fact]
    public async Task A_word_in_more_posts_than_a_search_looks_at_shows_the_newest_of_them_and_says_there_were_more()
    {
        var group = await _app.CreateGroupAsync();
        var author = await MemberOfAsync(group);
        var opening = await WriteThreadAsync(_app, group, author, "A long diary", "Day 1 of the tinnitus diary.");
        var postIds = await _app.WithDbAsync(async db =>
        {
            var posts = Enumerable.Range(2, SearchSql.MaxMatches + 9).Select(day => new Post
            {
                ThreadId = opening.ThreadId, Number = day, AuthorId = author.Id,
                // One of them, long ago, also by the sea: a rarer word is still ranked over every match.
                Markdown = day == 3 ? "Tinnitus by the lighthouse." : $"Day {day} of the tinnitus diary.",
                Html = "", PlainText = day == 3 ? "Tinnitus by the lighthouse." : $"Day {day} of the tinnitus diary.",
                CreatedAt = _app.Clock.GetUtcNow().AddMinutes(day), ClientRequestId = Guid.NewGuid(),
            }).ToList();
            db.Posts.AddRange(posts);
            await db.SaveChangesAsync();
            return posts.Select(p => p.Id).ToList();
        });
        var browser = _app.CreateBrowser();

        var first = await SearchAsync(browser, "tinnitus");

        Assert.Equal("More than 1,000 posts match “tinnitus”. Here are 1,000 of them, page 1 of 50. Adding another word finds fewer, closer matches.",
            first.TextOf("[role=status]"));
        // Newest first: the last twenty written, the very last at the top.
        Assert.Equal(postIds.AsEnumerable().Reverse().Take(20).Select(id => $"/posts/{id}"), Links(first));
        var last = await browser.GetPageAsync("/search?q=tinnitus&page=99");
        Assert.Equal("Page 50 of 50", last.TextOf(".pager [aria-current=page]"));
        Assert.Equal(20, Links(last).Count);

        // The start of the word finds the same newest posts.
        Assert.Equal(Links(first), Links(await SearchAsync(browser, "tinnit")));

        var rare = await SearchAsync(browser, "tinnitus lighthouse");
        Assert.Equal("1 post matches “tinnitus lighthouse”.", rare.TextOf("[role=status]"));
        Assert.Equal([$"/posts/{postIds[1]}"], Links(rare));
    }

    [Fact]
    public async Task The_index_survives_a_restart_and_an_EF_table_rebuild_and_catches_up_afterwards()
    {
        if (Environment.GetEnvironmentVariable(CommunityApp.SqlServerVariable) is { Length: > 0 })
        {
            return; // About SQLite's triggers; SQL Server's full-text index lives outside the tables' definitions.
        }
        var folder = Directory.CreateTempSubdirectory("offbenzos-search-");
        var file = Path.Combine(folder.FullName, "community.db");
        try
        {
            int first;
            CommunityApp.TestUser author;
            Group group;
            using (var app = new SharedDatabaseApp(file))
            {
                group = await app.CreateGroupAsync();
                author = await app.CreateUserAsync();
                await app.AddMemberAsync(group, author);
                first = (await WriteThreadAsync(app, group, author, "Before the restart", "Remember the aurora tonight.")).PostId;
            }

            Written second;
            using (var app = new SharedDatabaseApp(file))
            {
                Assert.Equal([$"/posts/{first}"], Links(await SearchAsync(app.CreateBrowser(), "aurora")));
                // What a future migration that alters these tables does on SQLite. It must succeed with
                // the index in place, and it drops the tables' triggers, so this write goes unindexed.
                await RebuildAsEfMigrationsDoAsync(app, "Posts");
                await RebuildAsEfMigrationsDoAsync(app, "Threads");
                second = await WriteThreadAsync(app, group, author, "Written while unindexed", "The aurora came back.");
                Assert.Equal([$"/posts/{first}"], Links(await SearchAsync(app.CreateBrowser(), "aurora")));
            }

            using (var app = new SharedDatabaseApp(file))
            {
                var browser = app.CreateBrowser();
                Assert.Equal([$"/posts/{first}", $"/posts/{second.PostId}"], Links(await SearchAsync(browser, "aurora")).Order(StringComparer.Ordinal));
                Assert.Equal([$"/posts/{second.PostId}"], Links(await SearchAsync(browser, "unindexed")));
                var third = await WriteThreadAsync(app, group, author, "After the repair", "Aurora again, the third night.");
                Assert.Equal(3, Links(await SearchAsync(browser, "aurora")).Count);
                Assert.Equal([$"/posts/{third.PostId}"], Links(await SearchAsync(browser, "third")));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>EF Core's SQLite table rebuild: copy into ef_temp_X, drop X, rename the copy, recreate the indexes.</summary>
    private static Task<int> RebuildAsEfMigrationsDoAsync(CommunityApp app, string table) => app.WithDbAsync(async db =>
    {
        var definitions = await db.Database.SqlQueryRaw<string>(
            "SELECT \"sql\" AS \"Value\" FROM sqlite_master WHERE \"tbl_name\" = {0} AND \"type\" IN ('table', 'index') AND \"sql\" IS NOT NULL ORDER BY \"type\" DESC", table).ToListAsync();
        var temp = "ef_temp_" + table;
        var script = string.Join(";\n", [
            "PRAGMA foreign_keys = 0",
            definitions[0].Replace($"CREATE TABLE \"{table}\"", $"CREATE TABLE \"{temp}\"", StringComparison.Ordinal),
            $"INSERT INTO \"{temp}\" SELECT * FROM \"{table}\"",
            $"DROP TABLE \"{table}\"",
            $"ALTER TABLE \"{temp}\" RENAME TO \"{table}\"",
            .. definitions.Skip(1),
            "PRAGMA foreign_keys = 1",
        ]);
        return await db.Database.ExecuteSqlRawAsync(script);
    });

    private sealed record Written(int ThreadId, int PostId);

    private async Task<CommunityApp.TestUser> MemberOfAsync(Group group, string? name = null)
    {
        var user = await _app.CreateUserAsync(displayName: name);
        await _app.AddMemberAsync(group, user);
        return user;
    }

    private static async Task<Written> WriteThreadAsync(CommunityApp app, Group group, CommunityApp.TestUser author, string title, string body)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var forum = scope.ServiceProvider.GetRequiredService<ForumService>();
        var result = await forum.StartThreadAsync(new GroupAccess.Standing(group, author.Id, null, false, true), title, body, Guid.NewGuid());
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        return new Written(result.Post!.ThreadId, result.Post.Id);
    }

    private static async Task<int> ReplyAsync(CommunityApp app, int threadId, CommunityApp.TestUser author, string body)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var forum = scope.ServiceProvider.GetRequiredService<ForumService>();
        var db = scope.ServiceProvider.GetRequiredService<CommunityDb>();
        var thread = await db.Threads.AsNoTracking().SingleAsync(t => t.Id == threadId);
        var group = await db.Groups.AsNoTracking().SingleAsync(g => g.Id == thread.GroupId);
        var result = await forum.ReplyAsync(new GroupAccess.Standing(group, author.Id, null, false, true), thread, body, Guid.NewGuid(), null);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        return result.Post!.Id;
    }

    private static async Task WithServicesAsync(CommunityApp app, Func<CommunityDb, ForumService, ThreadModeration, Task> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await action(services.GetRequiredService<CommunityDb>(), services.GetRequiredService<ForumService>(), services.GetRequiredService<ThreadModeration>());
    }

    private static string SearchUrl(string query) => "/search?q=" + Uri.EscapeDataString(query);

    private async Task<IDocument> SearchAsync(HttpClient browser, string query)
    {
        await IndexCaughtUpAsync();
        return await browser.GetPageAsync(SearchUrl(query));
    }

    /// <summary>
    /// SQLite's index changes in the writing transaction. SQL Server's follows a write within
    /// seconds, in the background: on SQL Server (OFFBENZOS_TEST_SQLSERVER), wait for it.
    /// </summary>
    private async Task IndexCaughtUpAsync()
    {
        if (!_app.UsesSqlServer)
        {
            return;
        }
        const string pending = """
            SELECT CAST(ISNULL(OBJECTPROPERTYEX(OBJECT_ID(N'Posts'), 'TableFulltextPendingChanges'), 0) AS int)
                 + CAST(ISNULL(OBJECTPROPERTYEX(OBJECT_ID(N'Threads'), 'TableFulltextPendingChanges'), 0) AS int)
                 + CAST(ISNULL(OBJECTPROPERTYEX(OBJECT_ID(N'Posts'), 'TableFulltextPopulateStatus'), 0) AS int)
                 + CAST(ISNULL(OBJECTPROPERTYEX(OBJECT_ID(N'Threads'), 'TableFulltextPopulateStatus'), 0) AS int) AS [Value]
            """;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await _app.WithDbAsync(db => db.Database.SqlQueryRaw<int>(pending).ToListAsync())).Single() != 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "SQL Server's full-text index did not catch up within 30 seconds.");
            await Task.Delay(200);
        }
    }

    private static List<string> Links(IDocument page) =>
        page.QuerySelectorAll(".search-hit .thread-title a").Select(a => a.GetAttribute("href")!).ToList();
}
