using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Forum;
using Group = OffBenzos.Community.Web.Groups.Group;
using OffBenzos.Community.Web.Search;

namespace OffBenzos.Community.Tests.Forum;

/// <summary>The parts of search that need no app: query safety, highlighting, and the SQL itself.</summary>
public sealed partial class SearchQueryTests
{
    private static readonly string[] Hostile =
    [
        "\"", "\"\"", "*", "-", "(", ")", "NEAR(a b)", "NEAR(a, b, 2)", "title:x", "{Title PlainText}: x", "a AND OR NOT b",
        "^start", "a + b", "x' OR 1=1; --", "a\"b*c-d(e)f:g^h", "\uE000\uE001", "ＬＩＧＨＴ", "\u0000", "a\uD800b", "\uDC00",
        "e\u0301", "日本語 テキスト", "123 4.5 ٣", "***a***", "a*b", "\"a\"*", "'", "\\", "{}", "[]", ";", "--",
    ];

    [Fact]
    public void Query_syntax_becomes_quoted_words_joined_with_AND_and_the_last_word_a_prefix()
    {
        var query = SearchQuery.Parse("NEAR(sleep, \"calm\") -title:taper* OR x");

        Assert.Equal(["NEAR", "sleep", "calm", "title", "taper", "OR", "x"], query.Terms);
        Assert.Equal("\"NEAR\" AND \"sleep\" AND \"calm\" AND \"title\" AND \"taper\" AND \"OR\" AND \"x\"", query.ToFts5());
        Assert.Equal("\"Cafe\" AND \"au\" AND \"lait\"*", SearchQuery.Parse("Cafe au lait").ToFts5());
        Assert.Equal("\"Cafe\" AND \"au\" AND \"lait*\"", SearchQuery.Parse("Cafe au lait").ToSqlServer());
        Assert.Equal("\"café\"*", SearchQuery.Parse("cafe\u0301").ToFts5());
        Assert.Equal(["sleep"], SearchQuery.Parse("sleep SLEEP Sleep").Terms);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?!*\"()-:^")]
    [InlineData("\uE000\uE001\uD800")]
    public void Input_without_letters_or_digits_is_an_empty_query(string text)
    {
        var query = SearchQuery.Parse(text);

        Assert.True(query.IsEmpty);
        Assert.Throws<InvalidOperationException>(query.ToFts5);
    }

    [Fact]
    public void Long_input_is_cut_to_200_characters_and_10_words()
    {
        var words = SearchQuery.Parse(string.Join(' ', Enumerable.Range(1, 15).Select(i => $"w{i}")));
        Assert.Equal(SearchQuery.MaxTerms, words.Terms.Count);
        Assert.Equal("w10", words.Terms[^1]);
        Assert.True(words.WasShortened);

        var characters = SearchQuery.Parse("a " + new string('b', 300));
        Assert.Equal(SearchQuery.MaxLength - 2, characters.Terms[^1].Length);
        Assert.True(characters.WasShortened);

        Assert.False(SearchQuery.Parse("short and sweet").WasShortened);
    }

    [Fact]
    public void Only_letters_digits_and_marks_ever_reach_the_database()
    {
        var random = new Random(20261127);
        const string alphabet = "aZé1 \"*-():^+{}[],;'\\.\u0000\uE000\uE001\u00A0\u2028\u0301日";
        var inputs = Hostile.Concat(Enumerable.Range(0, 500).Select(_ =>
            new string(Enumerable.Range(0, random.Next(1, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray())));

        foreach (var query in inputs.Select(SearchQuery.Parse).Where(q => !q.IsEmpty))
        {
            Assert.Matches(Fts5Shape(), query.ToFts5());
            Assert.Matches(SqlServerShape(), query.ToSqlServer());
        }
    }

    [Fact]
    public void Every_query_runs_on_SQLite_FTS5_without_error()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, $"CREATE VIRTUAL TABLE t USING fts5(x, tokenize='{SearchSql.SqliteTokenizer}')");
        Execute(connection, "INSERT INTO t(x) VALUES ('a café near the title page, and not OR more 123 日本語')");
        var random = new Random(7);
        const string alphabet = "aZé1 \"*-():^+{}NEAR,;'";
        var inputs = Hostile.Concat(Enumerable.Range(0, 300).Select(_ =>
            new string(Enumerable.Range(0, random.Next(1, 30)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray())));

        foreach (var query in inputs.Select(SearchQuery.Parse).Where(q => !q.IsEmpty))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM t WHERE t MATCH $q";
            command.Parameters.AddWithValue("$q", query.ToFts5());
            command.ExecuteScalar();
        }
    }

    [Fact]
    public void Marked_text_is_encoded_and_only_the_markers_become_mark_elements()
    {
        var html = MarkedText.ToHtml("a <b>bold</b> & \"" + MarkedText.Open + "calm" + MarkedText.Close + "\" 'x'").Value;

        Assert.Equal("a &lt;b&gt;bold&lt;/b&gt; &amp; &quot;<mark>calm</mark>&quot; &#x27;x&#x27;", html);
    }

    [Theory]
    [InlineData("\uE001a\uE000b", "a<mark>b</mark>")]
    [InlineData("\uE000a\uE000b\uE001\uE001c", "<mark>ab</mark>c")]
    [InlineData("x\uE000<y", "x<mark>&lt;y</mark>")]
    [InlineData("", "")]
    public void Stray_markers_never_unbalance_the_page(string marked, string expected) =>
        Assert.Equal(expected, MarkedText.ToHtml(marked).Value);

    [Fact]
    public void The_CSharp_snippet_marks_words_as_the_index_matches_them()
    {
        var query = SearchQuery.Parse("CAFE taper");

        Assert.Equal("Un \uE000café\uE001 and \uE000tapering\uE001, \uE000Café\uE001-au-lait. Tape.",
            SnippetBuilder.MarkAll("Un café and tapering, Café-au-lait. Tape.", query));
        var words = string.Join(' ', Enumerable.Range(1, 100).Select(i => $"w{i}"));
        var snippet = SnippetBuilder.Snippet(words + " taper " + words, query);
        Assert.StartsWith("…w93 ", snippet, StringComparison.Ordinal);
        Assert.Contains("\uE000taper\uE001", snippet, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet, StringComparison.Ordinal);
        Assert.Equal(SnippetBuilder.SnippetWords, SearchQuery.Words(snippet).Count());
        Assert.Equal("Nothing here", SnippetBuilder.Snippet("Nothing here", query));
    }

    [Fact]
    public void The_SQL_Server_statements_parse_as_T_SQL()
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        string[] statements = [.. SearchSql.SqlServerEnsure, SearchSql.SqlServerFullTextInstalled, SearchSql.SqlServerCount, SearchSql.SqlServerPage];

        foreach (var sql in statements)
        {
            var fragment = parser.Parse(new StringReader(Placeholder().Replace(sql, "@p$1")), out var errors);
            Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Line}:{e.Column} {e.Message}")) + "\n" + sql);
            Assert.NotNull(fragment);
        }
        var page = (TSqlScript)parser.Parse(new StringReader(Placeholder().Replace(SearchSql.SqlServerPage, "@p$1")), out _);
        var fullText = new FullTextTables();
        page.Accept(fullText);
        Assert.Equal(["Posts.PlainText", "Threads.Title"], fullText.Found);
    }

    [Fact]
    public void The_search_SQL_names_the_tables_columns_and_keys_of_both_models()
    {
        using var sqlServer = new SqlServerCommunityDbDesignTimeFactory().CreateDbContext([]);
        using var sqlite = new SqliteCommunityDbDesignTimeFactory().CreateDbContext([]);

        foreach (DbContext db in new DbContext[] { sqlServer, sqlite })
        {
            var model = db.GetService<IDesignTimeModel>().Model;
            AssertNames<Post>(model, "Posts", "PK_Posts", nameof(Post.Id), nameof(Post.ThreadId), nameof(Post.Number), nameof(Post.PlainText), nameof(Post.State), nameof(Post.AuthorId), nameof(Post.CreatedAt));
            AssertNames<ForumThread>(model, "Threads", "PK_Threads", nameof(ForumThread.Id), nameof(ForumThread.GroupId), nameof(ForumThread.Title), nameof(ForumThread.State));
            AssertNames<Group>(model, "Groups", "PK_Groups", nameof(Group.Id), nameof(Group.Name), nameof(Group.Slug));
            AssertNames<CommunityUser>(model, "AspNetUsers", "PK_AspNetUsers", nameof(CommunityUser.Id), nameof(CommunityUser.DisplayName));
            AssertNames<MemberBlock>(model, "MemberBlocks", "PK_MemberBlocks", nameof(MemberBlock.BlockerId), nameof(MemberBlock.BlockedId));
        }
        Assert.Contains("KEY INDEX [PK_Posts]", SearchSql.SqlServerEnsure[1], StringComparison.Ordinal);
        Assert.Contains("KEY INDEX [PK_Threads]", SearchSql.SqlServerEnsure[2], StringComparison.Ordinal);
        Assert.Equal(("Posts", "PlainText"), (SearchSql.PostIndex.Table, SearchSql.PostIndex.Column));
        Assert.Equal(("Threads", "Title"), (SearchSql.ThreadIndex.Table, SearchSql.ThreadIndex.Column));
    }

    private static void AssertNames<T>(IModel model, string table, string key, params string[] columns)
    {
        var entity = model.FindEntityType(typeof(T))!;
        Assert.Equal(table, entity.GetTableName());
        Assert.Equal(key, entity.FindPrimaryKey()!.GetName());
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        foreach (var column in columns)
        {
            Assert.Equal(column, entity.FindProperty(column)!.GetColumnName(store));
        }
        // ContentState is stored by name, which the SQL compares with 'Visible'.
        if (entity.FindProperty("State") is { } state)
        {
            Assert.Equal(typeof(string), state.GetProviderClrType());
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [GeneratedRegex(@"\{(\d)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^""[\p{L}\p{M}\p{N}]+""\*?( AND ""[\p{L}\p{M}\p{N}]+""\*?)*$")]
    private static partial Regex Fts5Shape();

    [GeneratedRegex(@"^""[\p{L}\p{M}\p{N}]+\*?""( AND ""[\p{L}\p{M}\p{N}]+\*?"")*$")]
    private static partial Regex SqlServerShape();

    /// <summary>Collects the table and column of every CONTAINSTABLE in a script.</summary>
    private sealed class FullTextTables : TSqlFragmentVisitor
    {
        public List<string> Found { get; } = [];

        public override void Visit(FullTextTableReference node) =>
            Found.Add($"{node.TableName.BaseIdentifier.Value}.{string.Join(",", node.Columns.Select(c => c.MultiPartIdentifier.Identifiers[^1].Value))}");
    }
}
