using OffBenzos.Community.Web.Forum;

namespace OffBenzos.Community.Web.Search;

/// <summary>
/// Every statement of full-text search, for both providers, in one place. Migrations cannot hold
/// these (EF models neither FTS5 virtual tables nor SQL Server full-text indexes, and migrations are
/// only ever generated), so <see cref="SearchIndex"/> runs the set-up at start-up and
/// <see cref="SearchService"/> the queries. Parameters are EF's positional <c>{0}</c>, <c>{1}</c>...;
/// the member's words only ever arrive as the <c>{0}</c> parameter, already made safe by
/// <see cref="SearchQuery"/>. Names here must match the model; a test checks them against it.
/// </summary>
/// <remarks>
/// Query parameters: {0} the match expression, {1} the readable group ids as a JSON array,
/// {2} the reader's user id ("" when signed out), {3} the page size, {4} the number of rows to skip.
/// </remarks>
public static class SearchSql
{
    /// <summary>How much more a match in the thread's title counts than one in a post's body.</summary>
    public const string TitleWeight = "3";

    private const string Visible = nameof(ContentState.Visible);

    // ---------------------------------------------------------------- SQLite (FTS5)

    /// <summary>
    /// Case-folding, diacritics removed (also from letters with several marks, hence 2), so "cafe"
    /// finds "café". No stemming: SQL Server's neutral word breaker does none either.
    /// </summary>
    public const string SqliteTokenizer = "unicode61 remove_diacritics 2";

    /// <summary>
    /// One FTS5 index over the rows of one table: external content, so the text is stored once (in
    /// Posts or Threads) and the index's rowid is the row's Id. Every post and thread is indexed,
    /// whatever its state or group: visibility is decided when searching, by joining the tables,
    /// so hiding, restoring or moving never has to touch the index.
    /// </summary>
    /// <param name="Name">The FTS5 table.</param>
    /// <param name="Table">The content table (an EF-mapped table).</param>
    /// <param name="Column">The indexed column of <paramref name="Table"/>.</param>
    public sealed record SqliteIndex(string Name, string Table, string Column)
    {
        /// <summary>Exactly as SQLite stores it in sqlite_master, so a changed definition is noticed.</summary>
        public string Create =>
            $"CREATE VIRTUAL TABLE \"{Name}\" USING fts5({Column}, content='{Table}', content_rowid='Id', tokenize='{SqliteTokenizer}')";

        /// <summary>Refills the whole index from the content table (first creation, or drift found).</summary>
        public string Rebuild => $"INSERT INTO \"{Name}\"(\"{Name}\") VALUES ('rebuild')";

        /// <summary>One row per indexed document: compared with the content table's rows to find drift cheaply.</summary>
        public string Drift => $"SELECT (SELECT COUNT(*) FROM \"{Name}_docsize\") - (SELECT COUNT(*) FROM \"{Table}\") AS \"Value\"";

        /// <summary>
        /// Triggers that keep the index in step, each touching only its own table's row and the
        /// index. They must not read another table: EF's SQLite migrations rebuild a table by
        /// creating a copy, dropping the original and renaming the copy, and SQLite refuses that
        /// rename while any trigger elsewhere names the dropped table. A rebuild does drop the
        /// table's own triggers; <see cref="SearchIndex"/> puts them back at the next start.
        /// An external-content index is told what to forget with the old text ('delete').
        /// </summary>
        public IReadOnlyList<(string Name, string Sql)> Triggers =>
        [
            ($"{Name}_AfterInsert",
                $"CREATE TRIGGER \"{Name}_AfterInsert\" AFTER INSERT ON \"{Table}\" BEGIN " +
                $"INSERT INTO \"{Name}\"(rowid, \"{Column}\") VALUES (new.\"Id\", new.\"{Column}\"); END"),
            ($"{Name}_AfterUpdate",
                $"CREATE TRIGGER \"{Name}_AfterUpdate\" AFTER UPDATE OF \"{Column}\" ON \"{Table}\" BEGIN " +
                $"INSERT INTO \"{Name}\"(\"{Name}\", rowid, \"{Column}\") VALUES ('delete', old.\"Id\", old.\"{Column}\"); " +
                $"INSERT INTO \"{Name}\"(rowid, \"{Column}\") VALUES (new.\"Id\", new.\"{Column}\"); END"),
            ($"{Name}_AfterDelete",
                $"CREATE TRIGGER \"{Name}_AfterDelete\" AFTER DELETE ON \"{Table}\" BEGIN " +
                $"INSERT INTO \"{Name}\"(\"{Name}\", rowid, \"{Column}\") VALUES ('delete', old.\"Id\", old.\"{Column}\"); END"),
        ];
    }

    public static readonly SqliteIndex PostIndex = new("PostSearch", "Posts", "PlainText");
    public static readonly SqliteIndex ThreadIndex = new("ThreadSearch", "Threads", "Title");
    public static readonly IReadOnlyList<SqliteIndex> SqliteIndexes = [PostIndex, ThreadIndex];

    public const string SqliteStoredDefinition = "SELECT \"sql\" AS \"Value\" FROM sqlite_master WHERE \"name\" = {0}";

    /// <summary>
    /// How many matches a search looks at, from each of the two indexes. A common word matches a
    /// large share of a million posts; ranking all of them took seconds (FTS5 scores every match),
    /// so a search reads at most this many and says when there were more (docs/benchmarks.md, B4).
    /// </summary>
    public const int MaxMatches = 1000;

    /// <summary>One more than <see cref="MaxMatches"/>: finding it tells that there were more.</summary>
    private const string Limit = "1001";

    /// <summary>
    /// Only visible posts in visible threads of the groups the reader may read ({1}), and none by
    /// members the reader ({2}) has blocked: the thread page folds those away, search leaves them out.
    /// Needs "p" (the post) and "t" (its thread).
    /// </summary>
    private const string SqliteReadable = $$"""
        "p"."State" = '{{Visible}}' AND "t"."State" = '{{Visible}}'
          AND "t"."GroupId" IN (SELECT "value" FROM json_each({1}))
          AND NOT EXISTS (SELECT 1 FROM "MemberBlocks" AS "b" WHERE "b"."BlockerId" = {2} AND "b"."BlockedId" = "p"."AuthorId")
        """;

    /// <summary>
    /// The newest readable matches, at most <see cref="Limit"/> from post bodies and as many from
    /// thread titles (counted for the thread's opening post, which the result links to), each with a
    /// score. FTS5 hands matches over newest first (rowid order, read from the index itself), so the
    /// LIMIT stops the walk early however common the word; CROSS JOIN keeps SQLite from driving the
    /// join from Posts and running the MATCH once per post. The score is bm25 (higher is better,
    /// title matches weighted up) or, when <paramref name="ranked"/> is false, nothing: bm25 first
    /// reads the whole index entry of every word to weigh it, which is what a common word makes slow.
    /// </summary>
    private static string SqliteMatches(bool ranked) => $$"""
        WITH "PostHits" AS (
            SELECT "PostSearch".rowid AS "PostId", {{(ranked ? "-bm25(\"PostSearch\")" : "0.0")}} AS "Score"
            FROM "PostSearch"
            CROSS JOIN "Posts" AS "p" ON "p"."Id" = "PostSearch".rowid
            CROSS JOIN "Threads" AS "t" ON "t"."Id" = "p"."ThreadId"
            WHERE "PostSearch" MATCH {0} AND {{SqliteReadable}}
            ORDER BY "PostSearch".rowid DESC
            LIMIT {{Limit}}
        ),
        "TitleHits" AS (
            SELECT "p"."Id" AS "PostId", {{(ranked ? TitleWeight + " * -bm25(\"ThreadSearch\")" : "0.0")}} AS "Score"
            FROM "ThreadSearch"
            CROSS JOIN "Threads" AS "t" ON "t"."Id" = "ThreadSearch".rowid
            CROSS JOIN "Posts" AS "p" ON "p"."ThreadId" = "t"."Id" AND "p"."Number" = 1
            WHERE "ThreadSearch" MATCH {0} AND {{SqliteReadable}}
            ORDER BY "ThreadSearch".rowid DESC
            LIMIT {{Limit}}
        ),
        "Ranked" AS (
            SELECT "PostId", SUM("Score") AS "Score"
            FROM (SELECT "PostId", "Score" FROM "PostHits" UNION ALL SELECT "PostId", "Score" FROM "TitleHits")
            GROUP BY "PostId"
        )
        """;

    /// <summary>How many posts were found, and whether either index had more than <see cref="MaxMatches"/> (a <see cref="SearchCount"/>).</summary>
    public static readonly string SqliteCount = $$"""
        {{SqliteMatches(ranked: false)}}
        SELECT (SELECT COUNT(*) FROM "Ranked") AS "Total",
               (SELECT COUNT(*) FROM "PostHits") AS "PostMatches",
               (SELECT COUNT(*) FROM "TitleHits") AS "TitleMatches"
        """;

    private const string SqlitePageColumns = """
        SELECT "p"."Id" AS "PostId", "p"."ThreadId", "t"."Title" AS "ThreadTitle", "g"."Name" AS "GroupName", "g"."Slug" AS "GroupSlug",
               "u"."DisplayName" AS "Author", "p"."CreatedAt" AS "CreatedAtTicks", "p"."PlainText", "r"."Score"
        FROM "Ranked" AS "r"
        JOIN "Posts" AS "p" ON "p"."Id" = "r"."PostId"
        JOIN "Threads" AS "t" ON "t"."Id" = "p"."ThreadId"
        JOIN "Groups" AS "g" ON "g"."Id" = "t"."GroupId"
        LEFT JOIN "AspNetUsers" AS "u" ON "u"."Id" = "p"."AuthorId"
        """;

    /// <summary>One page ({3} rows after skipping {4}) of every match, best first.</summary>
    public static readonly string SqlitePage = $$"""
        {{SqliteMatches(ranked: true)}}
        {{SqlitePageColumns}}
        ORDER BY "r"."Score" DESC, "p"."CreatedAt" DESC, "p"."Id" DESC
        LIMIT {3} OFFSET {4}
        """;

    /// <summary>One page of the newest matches, newest first: for a search with more matches than are ranked.</summary>
    public static readonly string SqliteNewestPage = $$"""
        {{SqliteMatches(ranked: false)}}
        {{SqlitePageColumns}}
        ORDER BY "p"."CreatedAt" DESC, "p"."Id" DESC
        LIMIT {3} OFFSET {4}
        """;

    // ---------------------------------------------------------------- SQL Server (full-text)

    public const string SqlServerCatalog = "CommunitySearch";

    /// <summary>The Full-Text Search feature is optional in SQL Server; without it nothing below can run.</summary>
    public const string SqlServerFullTextInstalled = "SELECT CAST(FULLTEXTSERVICEPROPERTY('IsFullTextInstalled') AS int) AS [Value]";

    /// <summary>
    /// Idempotent set-up, each statement its own batch and outside any transaction (SQL Server
    /// refuses full-text DDL inside one). Accent-insensitive catalog, so "cafe" finds "café"; the
    /// neutral word breaker (LANGUAGE 0) because members write in many languages; no stoplist, so
    /// every word a member types can be found, as with SQLite; CHANGE_TRACKING AUTO keeps the
    /// index in step in the background, within seconds of a write, not within the transaction.
    /// </summary>
    public static readonly IReadOnlyList<string> SqlServerEnsure =
    [
        $"""
        IF NOT EXISTS (SELECT 1 FROM sys.fulltext_catalogs WHERE [name] = N'{SqlServerCatalog}')
            CREATE FULLTEXT CATALOG [{SqlServerCatalog}] WITH ACCENT_SENSITIVITY = OFF;
        """,
        $"""
        IF NOT EXISTS (SELECT 1 FROM sys.fulltext_indexes WHERE [object_id] = OBJECT_ID(N'[Posts]'))
            CREATE FULLTEXT INDEX ON [Posts] ([PlainText] LANGUAGE 0)
                KEY INDEX [PK_Posts] ON [{SqlServerCatalog}]
                WITH (CHANGE_TRACKING = AUTO, STOPLIST = OFF);
        """,
        $"""
        IF NOT EXISTS (SELECT 1 FROM sys.fulltext_indexes WHERE [object_id] = OBJECT_ID(N'[Threads]'))
            CREATE FULLTEXT INDEX ON [Threads] ([Title] LANGUAGE 0)
                KEY INDEX [PK_Threads] ON [{SqlServerCatalog}]
                WITH (CHANGE_TRACKING = AUTO, STOPLIST = OFF);
        """,
    ];

    /// <summary>
    /// The same ranking as SQLite's, from CONTAINSTABLE's RANK (0-1000, higher is better), over the
    /// best <see cref="Limit"/> matches of each index (CONTAINSTABLE's top_n_by_rank, which SQL
    /// Server ranks inside its own index). Unlike FTS5, where one post's title and body are searched
    /// together, each CONTAINSTABLE needs all the words in its own column.
    /// </summary>
    private const string SqlServerRanked = $$"""
        WITH [PostHits] AS (
            SELECT [ct].[KEY] AS [PostId], CAST([ct].[RANK] AS float) AS [Score]
            FROM CONTAINSTABLE([Posts], [PlainText], {0}, {{Limit}}) AS [ct]
        ),
        [TitleHits] AS (
            SELECT [p].[Id] AS [PostId], {{TitleWeight}} * CAST([ct].[RANK] AS float) AS [Score]
            FROM CONTAINSTABLE([Threads], [Title], {0}, {{Limit}}) AS [ct]
            JOIN [Posts] AS [p] ON [p].[ThreadId] = [ct].[KEY] AND [p].[Number] = 1
        ),
        [Ranked] AS (
            SELECT [PostId], SUM([Score]) AS [Score]
            FROM (SELECT [PostId], [Score] FROM [PostHits] UNION ALL SELECT [PostId], [Score] FROM [TitleHits]) AS [h]
            GROUP BY [PostId]
        )
        """;

    /// <summary>As <see cref="SqliteReadable"/>, over the ranked matches.</summary>
    private const string SqlServerReadable = $$"""
        FROM [Ranked] AS [r]
        JOIN [Posts] AS [p] ON [p].[Id] = [r].[PostId]
        JOIN [Threads] AS [t] ON [t].[Id] = [p].[ThreadId]
        JOIN [Groups] AS [g] ON [g].[Id] = [t].[GroupId]
        LEFT JOIN [AspNetUsers] AS [u] ON [u].[Id] = [p].[AuthorId]
        WHERE [p].[State] = '{{Visible}}' AND [t].[State] = '{{Visible}}'
          AND [t].[GroupId] IN (SELECT CAST([value] AS int) FROM OPENJSON({1}))
          AND NOT EXISTS (SELECT 1 FROM [MemberBlocks] AS [b] WHERE [b].[BlockerId] = {2} AND [b].[BlockedId] = [p].[AuthorId])
        """;

    /// <summary>As <see cref="SqliteCount"/>.</summary>
    public const string SqlServerCount = $$"""
        {{SqlServerRanked}}
        SELECT (SELECT COUNT(*) {{SqlServerReadable}}) AS [Total],
               (SELECT COUNT(*) FROM [PostHits]) AS [PostMatches],
               (SELECT COUNT(*) FROM [TitleHits]) AS [TitleMatches]
        """;

    /// <summary>One page, best first; SQL Server ranks its best matches whether or not there were more.</summary>
    public const string SqlServerPage = $$"""
        {{SqlServerRanked}}
        SELECT [p].[Id] AS [PostId], [p].[ThreadId], [t].[Title] AS [ThreadTitle], [g].[Name] AS [GroupName], [g].[Slug] AS [GroupSlug],
               [u].[DisplayName] AS [Author], [p].[CreatedAt] AS [CreatedAtTicks], [p].[PlainText], [r].[Score]
        {{SqlServerReadable}}
        ORDER BY [r].[Score] DESC, [p].[CreatedAt] DESC, [p].[Id] DESC
        OFFSET {4} ROWS FETCH NEXT {3} ROWS ONLY
        """;
}
