using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Data;

namespace OffBenzos.Community.Benchmarks;

/// <summary>How big the generated community is.</summary>
public sealed record Scale(int Members, int Groups, int Threads, int Posts, int DeepThreadPosts, int ReviewItems, int ChatMessages)
{
    public static Scale Full { get; } = new(10_000, 50, 20_000, 1_000_000, 5_000, 100_000, 1_000_000);

    /// <summary>Seconds to build: for CI, which only checks that every scenario runs and nothing is lost.</summary>
    public static Scale Smoke { get; } = new(200, 5, 200, 6_000, 1_000, 500, 2_000);
}

/// <summary>
/// Writes a community into a fresh SQLite database, repeatably from a seed: the app's own migrations
/// make the schema, then rows go in with prepared statements in large transactions (minutes, not
/// hours, for a million posts on two cores). Everyone shares one passphrase.
/// </summary>
public sealed class Generator(string databaseFile, Scale scale, int seed)
{
    public const string Passphrase = "benchmark quiet harbour lantern";
    public const string ModeratorEmail = "moderator@bench.invalid";
    public const string AuthenticatorKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    private static readonly string[] Words =
    [
        "taper", "hold", "sleep", "diazepam", "clonazepam", "wave", "window", "anxiety", "tinnitus", "walk", "breathing", "doctor",
        "week", "dose", "slow", "tired", "hope", "morning", "night", "support", "family", "symptoms", "better", "today", "cut",
        "liquid", "titration", "muscle", "tension", "appetite", "calm", "patience", "progress", "setback", "kind", "listen",
    ];

    public static string UserEmail(int n) => $"member{n.ToString(CultureInfo.InvariantCulture)}@bench.invalid";

    public static string UserId(int n) => $"00000000-0000-0000-0000-{n.ToString("D12", CultureInfo.InvariantCulture)}";

    public const int DeepThreadId = 1;

    public async Task GenerateAsync(TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var clock = Stopwatch.StartNew();
        var options = new DbContextOptionsBuilder<SqliteCommunityDb>().UseSqlite($"Data Source={databaseFile}").Options;
        await using (var db = new SqliteCommunityDb(options))
        {
            await db.Database.MigrateAsync();
        }
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
        await connection.OpenAsync();
        await Exec(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;");
        var random = new Random(seed);
        var now = DateTimeOffset.UtcNow;
        var hash = new PasswordHasher<CommunityUser>().HashPassword(new CommunityUser(), Passphrase);

        await Roles(connection);
        await Users(connection, hash, now);
        await log.WriteLineAsync($"  {scale.Members:N0} members ({clock.Elapsed.TotalSeconds:F0} s)");
        await GroupsAndMemberships(connection, now);
        await ThreadsAndPosts(connection, random, now);
        await log.WriteLineAsync($"  {scale.Threads:N0} threads, {scale.Posts:N0} posts ({clock.Elapsed.TotalSeconds:F0} s)");
        await ReviewItems(connection, random, now);
        await Chat(connection, random, now);
        await log.WriteLineAsync($"  {scale.ReviewItems:N0} review items, {scale.ChatMessages:N0} chat messages ({clock.Elapsed.TotalSeconds:F0} s)");
        await Exec(connection, "PRAGMA synchronous=NORMAL; ANALYZE;");
    }

    private static async Task Exec(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Inserts <paramref name="count"/> rows with one prepared statement in one transaction.</summary>
    private static async Task BulkAsync(SqliteConnection connection, string sql, int count, Action<int, SqliteParameterCollection> bind)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var names = System.Text.RegularExpressions.Regex.Matches(sql, @"\$\w+").Select(m => m.Value).Distinct().ToList();
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }
        command.Prepare();
        for (var i = 0; i < count; i++)
        {
            bind(i, command.Parameters);
            await command.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    private static async Task Roles(SqliteConnection connection)
    {
        foreach (var role in new[] { "Member", "Moderator", "Admin", "Coach" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT OR IGNORE INTO AspNetRoles (Id, Name, NormalizedName, ConcurrencyStamp) VALUES ($id, $name, $normal, $stamp)";
            command.Parameters.AddWithValue("$id", "role-" + role.ToLowerInvariant());
            command.Parameters.AddWithValue("$name", role);
            command.Parameters.AddWithValue("$normal", role.ToUpperInvariant());
            command.Parameters.AddWithValue("$stamp", Guid.NewGuid().ToString());
            await command.ExecuteNonQueryAsync();
        }
    }

    private async Task Users(SqliteConnection connection, string hash, DateTimeOffset now)
    {
        // Member 0 is the moderator, with two-factor sign-in (staff pages need it).
        await BulkAsync(connection,
            "INSERT INTO AspNetUsers (Id, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, PasswordHash, SecurityStamp, ConcurrencyStamp, " +
            "PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount, DisplayName, DisplayNameKey, Theme, ChatSound, CreatedAt, OnDuty, LastTotpTimeStep, DeletionKeepsPosts) " +
            "VALUES ($id, $email, $normal, $email, $normal, 1, $hash, $stamp, $stamp, 0, $twofactor, 1, 0, $name, $key, 'System', 0, $created, 0, 0, 0)",
            scale.Members, (i, p) =>
            {
                var email = i == 0 ? ModeratorEmail : UserEmail(i);
                p["$id"].Value = UserId(i);
                p["$email"].Value = email;
                p["$normal"].Value = email.ToUpperInvariant();
                p["$hash"].Value = hash;
                p["$stamp"].Value = $"STAMP{i.ToString(CultureInfo.InvariantCulture)}";
                p["$twofactor"].Value = i == 0 ? 1 : 0;
                p["$name"].Value = i == 0 ? "Bench Moderator" : $"Member {i.ToString(CultureInfo.InvariantCulture)}";
                p["$key"].Value = i == 0 ? "benchmoderator" : $"member{i.ToString(CultureInfo.InvariantCulture)}";
                p["$created"].Value = now.AddDays(-400).UtcTicks;
            });
        await BulkAsync(connection, "INSERT INTO AspNetUserRoles (UserId, RoleId) VALUES ($user, 'role-member')", scale.Members, (i, p) => p["$user"].Value = UserId(i));
        await Exec(connection, $"INSERT INTO AspNetUserRoles (UserId, RoleId) VALUES ('{UserId(0)}', 'role-moderator')");
        await Exec(connection, $"INSERT INTO AspNetUserTokens (UserId, LoginProvider, Name, Value) VALUES ('{UserId(0)}', '[AspNetUserStore]', 'AuthenticatorKey', '{AuthenticatorKey}')");
        await BulkAsync(connection, "INSERT INTO ConsentRecords (UserId, Kind, Version, GivenAt) VALUES ($user, 'health-data', $version, $at)", scale.Members, (i, p) =>
        {
            p["$user"].Value = UserId(i);
            p["$version"].Value = ConsentKinds.HealthDataVersion;
            p["$at"].Value = now.AddDays(-400).UtcTicks;
        });
    }

    private async Task GroupsAndMemberships(SqliteConnection connection, DateTimeOffset now)
    {
        await BulkAsync(connection,
            "INSERT INTO Groups (Id, Name, Slug, Description, Rules, Visibility, JoinPolicy, CreatedAt) VALUES ($id, $name, $slug, 'A benchmark group.', 'Be kind.', 'Public', 'Open', $at)",
            scale.Groups, (i, p) =>
            {
                p["$id"].Value = i + 1;
                p["$name"].Value = $"Group {(i + 1).ToString(CultureInfo.InvariantCulture)}";
                p["$slug"].Value = $"group-{(i + 1).ToString(CultureInfo.InvariantCulture)}";
                p["$at"].Value = now.AddDays(-400).UtcTicks;
            });
        // Everyone belongs to the first group (where the deep thread and the posting happen) and one other.
        var rows = scale.Members * 2;
        await BulkAsync(connection,
            "INSERT OR IGNORE INTO GroupMemberships (GroupId, UserId, Role, State, RequestedAt, JoinedAt, Muted) VALUES ($group, $user, 'Member', 'Active', $at, $at, 0)",
            rows, (i, p) =>
            {
                var member = i / 2;
                p["$group"].Value = i % 2 == 0 ? 1 : 1 + (member % scale.Groups);
                p["$user"].Value = UserId(member);
                p["$at"].Value = now.AddDays(-300).UtcTicks;
            });
    }

    private static string Sentence(Random random, int words)
    {
        var parts = new string[words];
        for (var i = 0; i < words; i++)
        {
            parts[i] = Words[random.Next(Words.Length)];
        }
        return string.Join(' ', parts);
    }

    private async Task ThreadsAndPosts(SqliteConnection connection, Random random, DateTimeOffset now)
    {
        // Thread 1 is the deep one; the other posts spread evenly over the rest.
        var perThread = new int[scale.Threads + 1];
        perThread[1] = scale.DeepThreadPosts;
        var rest = scale.Posts - scale.DeepThreadPosts;
        for (var t = 2; t <= scale.Threads; t++)
        {
            perThread[t] = rest / (scale.Threads - 1) + (t - 2 < rest % (scale.Threads - 1) ? 1 : 0);
        }
        await BulkAsync(connection,
            "INSERT INTO Threads (Id, GroupId, Title, AuthorId, CreatedAt, LastActivityAt, LastPostNumber, IsPinned, IsLocked, State) " +
            "VALUES ($id, $group, $title, $author, $created, $last, $posts, 0, 0, 'Visible')",
            scale.Threads, (i, p) =>
            {
                var id = i + 1;
                p["$id"].Value = id;
                p["$group"].Value = id == 1 ? 1 : 1 + (id % scale.Groups);
                p["$title"].Value = id == 1 ? "The long thread: a year of tapering together" : Capitalised(Sentence(random, 6));
                p["$author"].Value = UserId(1 + (id % (scale.Members - 1)));
                p["$created"].Value = now.AddDays(-365).AddMinutes(id).UtcTicks;
                p["$last"].Value = now.AddMinutes(-id).UtcTicks;
                p["$posts"].Value = perThread[id];
            });
        var thread = 1;
        var number = 0;
        await BulkAsync(connection,
            "INSERT INTO Posts (Id, ThreadId, Number, AuthorId, Markdown, Html, PlainText, CreatedAt, State, ClientRequestId) " +
            "VALUES ($id, $thread, $number, $author, $markdown, $html, $plain, $created, 'Visible', $request)",
            scale.Posts, (i, p) =>
            {
                number++;
                if (number > perThread[thread])
                {
                    thread++;
                    number = 1;
                }
                var text = Capitalised(Sentence(random, 12 + random.Next(40))) + ".";
                p["$id"].Value = i + 1;
                p["$thread"].Value = thread;
                p["$number"].Value = number;
                p["$author"].Value = UserId(1 + ((i * 7) % (scale.Members - 1)));
                p["$markdown"].Value = text;
                p["$html"].Value = "<p>" + text + "</p>";
                p["$plain"].Value = text;
                p["$created"].Value = now.AddDays(-365).AddSeconds(i * 30L).UtcTicks;
                p["$request"].Value = NextGuid(random);
            });
        // Reactions on the deep thread, so its pages show them.
        await BulkAsync(connection, "INSERT OR IGNORE INTO Reactions (PostId, UserId, Kind, At) VALUES ($post, $user, $kind, $at)", scale.DeepThreadPosts * 2, (i, p) =>
        {
            p["$post"].Value = 1 + (i / 2);
            p["$user"].Value = UserId(1 + random.Next(scale.Members - 1));
            p["$kind"].Value = i % 2 == 0 ? "Support" : "SameHere";
            p["$at"].Value = now.AddDays(-30).UtcTicks;
        });
    }

    private async Task ReviewItems(SqliteConnection connection, Random random, DateTimeOffset now) =>
        await BulkAsync(connection,
            "INSERT INTO ReviewItems (TargetType, TargetId, GroupId, AuthorId, Lane, Score, Status, FromSystem, AutoHidden, HeldForApproval, CreatedAt) " +
            "VALUES ('post', $target, $group, $author, $lane, $score, $status, 0, 0, 0, $created)",
            scale.ReviewItems, (i, p) =>
            {
                // Posts from the far end of the table, so the deep thread stays untouched.
                p["$target"].Value = (scale.Posts - i).ToString(CultureInfo.InvariantCulture);
                p["$group"].Value = 1 + (i % scale.Groups);
                p["$author"].Value = UserId(1 + (i % (scale.Members - 1)));
                p["$lane"].Value = i % 50 == 0 ? "Crisis" : i % 20 == 0 ? "Medical" : "Standard";
                p["$score"].Value = random.NextDouble() * 5;
                // Most of the history is decided; a tenth is open in the queue.
                p["$status"].Value = i % 10 == 0 ? "Open" : "Resolved";
                p["$created"].Value = now.AddMinutes(-i).UtcTicks;
            });

    private async Task Chat(SqliteConnection connection, Random random, DateTimeOffset now)
    {
        await BulkAsync(connection, "INSERT INTO ChatRooms (Id, GroupId, Kind, LastSequence, CreatedAt) VALUES ($id, $id, 'Group', $last, $at)", scale.Groups, (i, p) =>
        {
            p["$id"].Value = i + 1;
            p["$last"].Value = scale.ChatMessages / scale.Groups + (i < scale.ChatMessages % scale.Groups ? 1 : 0);
            p["$at"].Value = now.AddDays(-60).UtcTicks;
        });
        var sequences = new long[scale.Groups + 1];
        await BulkAsync(connection,
            "INSERT INTO ChatMessages (RoomId, Sequence, AuthorId, ClientId, Text, SentAt, State) VALUES ($room, $sequence, $author, $client, $text, $sent, 'Visible')",
            scale.ChatMessages, (i, p) =>
            {
                var room = 1 + (i % scale.Groups);
                p["$room"].Value = room;
                p["$sequence"].Value = ++sequences[room];
                p["$author"].Value = UserId(1 + (i % (scale.Members - 1)));
                p["$client"].Value = NextGuid(random);
                p["$text"].Value = Capitalised(Sentence(random, 4 + random.Next(12)));
                // Inside the 90-day chat retention.
                p["$sent"].Value = now.AddDays(-60).AddSeconds(i * 5L).UtcTicks;
            });
    }

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>A GUID from the seeded generator (so a run is repeatable), as EF stores GUIDs in SQLite.</summary>
    private static string NextGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString().ToUpperInvariant();
    }
}
