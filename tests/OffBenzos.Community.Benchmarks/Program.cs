using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using OffBenzos.Community.Benchmarks;

// The benchmark program (docs/benchmarks.md says how to run it and what the results mean).
//   --smoke       a small community and short passes: checks that every scenario runs and nothing is lost (CI)
//   --write       write the results into docs/benchmarks.md (the default for a full run)
//   --seed N      the generator's seed (default 42)
var smoke = args.Contains("--smoke");
var write = args.Contains("--write") || !smoke;
var seed = args.SkipWhile(a => a != "--seed").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(42);
var scale = smoke ? Scale.Smoke : Scale.Full;
var log = Console.Out;
var root = FindRepositoryRoot();
var folder = Path.Combine(Path.GetTempPath(), "offbenzos-bench-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(folder);
var database = Path.Combine(folder, "community.db");

// The load generator on the second core, the server on the first.
var pinned = Environment.ProcessorCount >= 2 && OperatingSystem.IsLinux();
if (pinned && OperatingSystem.IsLinux())
{
    System.Diagnostics.Process.GetCurrentProcess().ProcessorAffinity = 0b10;
}

await log.WriteLineAsync($"Generating the community (seed {seed}) in {folder}...");
var generator = new Generator(database, scale, seed);
var generation = System.Diagnostics.Stopwatch.StartNew();
await generator.GenerateAsync(log);
var generationTime = generation.Elapsed;

var dll = await AppServer.PublishAsync(root, folder, log);
await log.WriteLineAsync("Starting the app...");
var startup = System.Diagnostics.Stopwatch.StartNew();
await using var server = await AppServer.StartAsync(dll, database, folder, pinned ? "0" : null, new Dictionary<string, string>());
var startupTime = startup.Elapsed;

using var handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = 1024, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
using var http = new HttpClient(handler) { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };

await log.WriteLineAsync("Signing in...");
const int visitorCount = 64;
var visitors = new List<Visitor>();
for (var i = 1; i <= visitorCount; i++)
{
    var visitor = new Visitor(http);
    await visitor.SignInAsync(Generator.UserEmail(i), Generator.Passphrase);
    visitors.Add(visitor);
}
// The control carries no sign-in: it measures what the machine and the pipeline can do at best.
var anonymous = new Visitor(http);
var moderator = new Visitor(http);
await moderator.SignInAsync(Generator.ModeratorEmail, Generator.Passphrase, Generator.AuthenticatorKey);

var closedFor = smoke ? TimeSpan.FromSeconds(1.5) : TimeSpan.FromSeconds(10);
var openFor = smoke ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(20);
var passes = smoke ? 1 : 3;
var deepPage = Math.Max(1, scale.DeepThreadPosts / 20 * 4 / 5);
var postingThread = scale.Groups; // a thread in group 1, where every member belongs
var words = new[] { "taper", "sleep", "tinnitus", "diazepam", "breathing", "setback" };

async Task<bool> Get(Visitor visitor, string path)
{
    using var response = await visitor.SendAsync(visitor.Request(HttpMethod.Get, path));
    await response.Content.LoadIntoBufferAsync();
    return response.StatusCode == HttpStatusCode.OK;
}

// B3's form posts: each visitor has the thread's form token; each post carries a fresh request id.
foreach (var visitor in visitors)
{
    await visitor.GetPageAsync($"/groups/group-1/threads/{postingThread}");
}
var posted = new System.Collections.Concurrent.ConcurrentBag<Guid>();

var scenarios = new List<Scenario>
{
    new("B0", "plaintext control endpoint (/ping), anonymous", "reference", Kind.Closed, 64, (_, _) => Get(anonymous, "/ping")),
    new("B1", "group page (thread list), signed in", "≥ 0.10 of B0", Kind.Closed, 64, (n, _) => Get(visitors[n % visitorCount], "/groups/group-1")),
    new("B2", $"thread page {deepPage} of a {scale.DeepThreadPosts:N0}-post thread, signed in", "≥ 0.10 of B0; p99 ≤ 50 ms at 64 connections", Kind.Closed, 64,
        (n, _) => Get(visitors[n % visitorCount], $"/groups/group-1/threads/{Generator.DeepThreadId}?page={deepPage}")),
    new("B3", "posting a reply (form post with antiforgery) at 50 per second", "p99 ≤ 100 ms; every post stored", Kind.Open, 50, async (n, token) =>
    {
        var visitor = visitors[n % visitorCount];
        var id = Guid.NewGuid();
        using var response = await visitor.PostFormAsync($"/groups/group-1/threads/{postingThread}",
            [new("Body", $"Benchmark reply {n}: slow and steady, day {n % 400} of my taper."), new("RequestId", id.ToString())], token);
        var ok = response.StatusCode == HttpStatusCode.Redirect;
        if (ok)
        {
            posted.Add(id);
        }
        return ok;
    }),
    new("B4", $"search over {scale.Posts:N0} posts", "p95 ≤ 100 ms", Kind.Open, 20, (n, _) => Get(visitors[n % visitorCount], "/search?q=" + words[n % words.Length])),
    new("B5", $"moderator queue with {scale.ReviewItems:N0} items", "p95 ≤ 50 ms", Kind.Open, 20, (n, _) => Get(moderator, "/moderation")),
};

var results = new List<(Scenario Scenario, Measurement Median, IReadOnlyList<Measurement> Passes)>();
foreach (var scenario in scenarios)
{
    await log.WriteLineAsync($"{scenario.Id}: {scenario.Name}...");
    // Warm-up: JIT, caches, connection pool.
    await Run(scenario, TimeSpan.FromSeconds(smoke ? 0.5 : 3));
    var runs = new List<Measurement>();
    for (var pass = 0; pass < passes; pass++)
    {
        runs.Add(await Run(scenario, scenario.Kind == Kind.Closed ? closedFor : openFor));
    }
    // The median pass: by throughput for closed loops, by tail latency for open ones.
    var ordered = scenario.Kind == Kind.Closed ? runs.OrderBy(r => r.PerSecond).ToList() : runs.OrderBy(r => r.Percentile(99)).ToList();
    var median = ordered[ordered.Count / 2];
    results.Add((scenario, median, runs));
    await log.WriteLineAsync($"  {median.Succeeded:N0}/{median.Sent:N0} ok, {median.PerSecond:N0}/s, p50 {median.Percentile(50):F1} ms, p95 {median.Percentile(95):F1} ms, p99 {median.Percentile(99):F1} ms");
}

Task<Measurement> Run(Scenario scenario, TimeSpan duration) => scenario.Kind == Kind.Closed
    ? Load.ClosedAsync(scenario.Rate, duration, scenario.Send)
    : Load.OpenAsync(scenario.Rate, duration, scenario.Send);

// Every acknowledged post must be in the database.
int stored;
await using (var check = new SqliteConnection($"Data Source={database};Mode=ReadOnly"))
{
    await check.OpenAsync();
    var ids = posted.ToList();
    stored = 0;
    foreach (var chunk in ids.Chunk(500))
    {
        await using var command = check.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM Posts WHERE ClientRequestId IN ({string.Join(',', chunk.Select(g => "'" + g.ToString().ToUpperInvariant() + "'"))})";
        stored += Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}

var report = Report.Build(results, posted.Count, stored, scale, seed, smoke, generationTime, startupTime, pinned);
await log.WriteLineAsync();
await log.WriteLineAsync(report);
if (write)
{
    Report.WriteInto(Path.Combine(root, "docs", "benchmarks.md"), report);
    await log.WriteLineAsync("Written to docs/benchmarks.md.");
}

var problems = results.Where(r => r.Median.Succeeded == 0 || r.Passes.Any(p => p.Failed > 0)).Select(r => $"{r.Scenario.Id} had failed requests").ToList();
if (stored != posted.Count)
{
    problems.Add($"B3 lost posts: {posted.Count} acknowledged, {stored} stored");
}
try
{
    Directory.Delete(folder, recursive: true);
}
catch (IOException)
{
    // The server may hold the database a moment longer.
}
foreach (var problem in problems)
{
    await Console.Error.WriteLineAsync("FAILED: " + problem);
}
await log.WriteLineAsync(problems.Count == 0 ? "benchmarks: every scenario ran, nothing lost" : "benchmarks: FAILED");
return problems.Count == 0 ? 0 : 1;

static string FindRepositoryRoot()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OffBenzos.Community.sln")))
    {
        directory = directory.Parent;
    }
    return directory?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
}

namespace OffBenzos.Community.Benchmarks
{
    public enum Kind
    {
        Closed,
        Open,
    }

    /// <param name="Rate">Connections for a closed loop, requests per second for an open one.</param>
    public sealed record Scenario(string Id, string Name, string Target, Kind Kind, int Rate, Func<int, CancellationToken, Task<bool>> Send);
}
