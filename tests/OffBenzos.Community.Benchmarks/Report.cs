using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace OffBenzos.Community.Benchmarks;

/// <summary>The results as a Markdown section, with the machine, the method and the date.</summary>
public static class Report
{
    public const string Start = "<!-- benchmark-results:start -->";
    public const string End = "<!-- benchmark-results:end -->";

    public static string Build(
        IReadOnlyList<(Scenario Scenario, Measurement Median, IReadOnlyList<Measurement> Passes)> results,
        int posted, int stored, Scale scale, int seed, bool smoke, TimeSpan generation, TimeSpan startup, bool pinned,
        IReadOnlyList<(string Id, string Name, string Target, ChatMeasurement Measured, string Met)> chat)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(scale);
        var byId = results.ToDictionary(r => r.Scenario.Id, r => r.Median);
        var control = byId["B0"].PerSecond;
        var signedInControl = byId.TryGetValue("B0s", out var b0s) ? b0s.PerSecond : double.NaN;
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"### Run of {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC{(smoke ? " (smoke: small data, short passes; timings not meaningful)" : "")}");
        text.AppendLine();
        text.AppendLine(c, $"- Machine: {Environment.ProcessorCount} cores ({CpuModel()}), {TotalMemoryGiB():F0} GiB, {RuntimeInformation.OSDescription}, .NET {Environment.Version}.");
        text.AppendLine(c, $"- Community (seed {seed}): {scale.Members:N0} members, {scale.Groups} groups, {scale.Threads:N0} threads, {scale.Posts:N0} posts (one thread of {scale.DeepThreadPosts:N0}), {scale.ReviewItems:N0} review items, {scale.ChatMessages:N0} chat messages; generated in {generation.TotalSeconds:F0} s; the app started (migrations checked, search index built) in {startup.TotalSeconds:F0} s.");
        text.AppendLine(c, $"- Method: the app published in Release, Production settings, SQLite, on Kestrel at 127.0.0.1{(pinned ? ", pinned to core 0 with the load generator on core 1" : " (not pinned: fewer than 2 cores or not Linux)")}. A warm-up (closed loops: 10 s windows until the last two together are within 5 % of the two before, 40 s to 120 s, so that the runtime has finished optimising the hot code; open loops: 5 s), then {results[0].Passes.Count} pass(es) per scenario; the median pass is shown (by throughput for closed loops, by p99 for open ones). Closed loop: 64 connections, each sending when the last answered. Open loop: a fixed rate, latency from each request's intended send time (no coordinated omission). 64 signed-in members; the moderator signed in with two-factor.");
        text.AppendLine();
        text.AppendLine("| id | scenario | requests/s | p50 | p95 | p99 | errors | target | met |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var (scenario, m, passes) in results)
        {
            var met = scenario.Id switch
            {
                "B0" => "reference",
                "B0s" => string.Create(c, $"information ({m.PerSecond / control:F2} of B0)"),
                "B1" => Ratio(m.PerSecond / control, 0.10, SignedIn(m.PerSecond)),
                "B2" => Both(Ratio(m.PerSecond / control, 0.10, SignedIn(m.PerSecond)), m.Percentile(99) <= 50),
                "B3" => Both(m.Percentile(99) <= 100 ? "yes" : "no", stored == posted),
                "B4" => m.Percentile(95) <= 100 ? "yes" : "no",
                "B5" => m.Percentile(95) <= 50 ? "yes" : "no",
                _ => "",
            };
            text.AppendLine(c, $"| {scenario.Id} | {scenario.Name} | {m.PerSecond:N0} | {m.Percentile(50):F1} ms | {m.Percentile(95):F1} ms | {m.Percentile(99):F1} ms | {passes.Sum(p => p.Failed)} | {scenario.Target} | {met} |");
        }
        text.AppendLine();
        text.AppendLine(c, $"B3: {posted:N0} posts acknowledged, {stored:N0} found in the database afterwards.");
        text.AppendLine();
        text.AppendLine("Chat, through the real SignalR client over WebSockets; every message carries its send time, every delivery is counted against the room's connections:");
        text.AppendLine();
        text.AppendLine("| id | scenario | deliveries/s | p50 | p99 | delivered / expected | target | met |");
        text.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var (id, name, target, m, met) in chat)
        {
            var row = m.Expected == 0
                ? string.Create(c, $"| {id} | {name} | | | | | {target} | {met} |")
                : string.Create(c, $"| {id} | {name} | {m.DeliveriesPerSecond:N0} | {m.Percentile(50):F1} ms | {m.Percentile(99):F1} ms | {m.Delivered:N0} / {m.Expected:N0} | {target} | {met} |");
            text.AppendLine(row);
        }
        return text.ToString();

        string SignedIn(double perSecond) => double.IsNaN(signedInControl) ? "" : string.Create(c, $"; {perSecond / signedInControl:F2} of B0s");

        static string Ratio(double ratio, double target, string more) => $"{(ratio >= target ? "yes" : "no")} ({ratio:F2} of B0{more})";
        static string Both(string first, bool second) => first.StartsWith("yes", StringComparison.Ordinal) && second ? first : "no" + first[(first.IndexOf(' ', StringComparison.Ordinal) is var i && i > 0 ? i : first.Length)..];
    }

    /// <summary>Puts the section between the markers in docs/benchmarks.md, keeping everything else.</summary>
    public static void WriteInto(string path, string section)
    {
        var page = File.ReadAllText(path);
        var start = page.IndexOf(Start, StringComparison.Ordinal);
        var end = page.IndexOf(End, StringComparison.Ordinal);
        page = start >= 0 && end > start
            ? page[..(start + Start.Length)] + "\n" + section + page[end..]
            : page.TrimEnd() + "\n\n## Latest benchmark run\n\n" + Start + "\n" + section + End + "\n";
        File.WriteAllText(path, page);
    }

    private static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        }
        catch (IOException)
        {
            return "unknown CPU";
        }
    }

    private static double TotalMemoryGiB() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
}
