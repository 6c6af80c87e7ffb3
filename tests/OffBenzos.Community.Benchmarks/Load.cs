using System.Diagnostics;

namespace OffBenzos.Community.Benchmarks;

/// <summary>What one pass of a scenario measured.</summary>
public sealed record Measurement(int Sent, int Succeeded, TimeSpan Duration, IReadOnlyList<double> LatenciesMs)
{
    public double PerSecond => Succeeded / Duration.TotalSeconds;
    public int Failed => Sent - Succeeded;

    public double Percentile(double p)
    {
        if (LatenciesMs.Count == 0)
        {
            return double.NaN;
        }
        var sorted = LatenciesMs.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}

/// <summary>
/// Two ways to load the server. Closed: a fixed number of connections, each sending the next request
/// when the last one answers (for throughput). Open: requests sent on a fixed schedule whatever the
/// server does, each latency counted from its intended send time, so a stall cannot hide the
/// requests that should have been sent during it (no coordinated omission).
/// </summary>
public static class Load
{
    public static async Task<Measurement> ClosedAsync(int connections, TimeSpan duration, Func<int, CancellationToken, Task<bool>> send)
    {
        ArgumentNullException.ThrowIfNull(send);
        var latencies = new List<double>[connections];
        var sent = new int[connections];
        var ok = new int[connections];
        using var stop = new CancellationTokenSource(duration);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async worker =>
        {
            latencies[worker] = [];
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                var started = clock.Elapsed;
                sent[worker]++;
                bool success;
                try
                {
                    // n mod connections is the worker: each connection keeps to one member (the
                    // visitor n mod 64), as a person's browser would. (It was worker * 1,000,000 + count,
                    // which put all 64 connections on the same member at once.)
                    success = await send((n++ * connections) + worker, CancellationToken.None);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    // A refused or timed-out request is a failure the report counts, not the end of the run.
                    success = false;
                }
                if (success)
                {
                    ok[worker]++;
                    latencies[worker].Add((clock.Elapsed - started).TotalMilliseconds);
                }
            }
        }));
        return new Measurement(sent.Sum(), ok.Sum(), clock.Elapsed, latencies.SelectMany(l => l).ToList());
    }

    public static async Task<Measurement> OpenAsync(double perSecond, TimeSpan duration, Func<int, CancellationToken, Task<bool>> send)
    {
        ArgumentNullException.ThrowIfNull(send);
        var count = (int)(perSecond * duration.TotalSeconds);
        var interval = TimeSpan.FromSeconds(1 / perSecond);
        var latencies = new double[count];
        var results = new bool[count];
        var clock = Stopwatch.StartNew();
        var inFlight = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var intended = interval * i;
            var wait = intended - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
            var index = i;
            inFlight.Add(Task.Run(async () =>
            {
                try
                {
                    results[index] = await send(index, CancellationToken.None);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    results[index] = false;
                }
                latencies[index] = (clock.Elapsed - intended).TotalMilliseconds;
            }));
        }
        await Task.WhenAll(inFlight);
        var elapsed = clock.Elapsed;
        var succeeded = Enumerable.Range(0, count).Where(i => results[i]).ToList();
        return new Measurement(count, succeeded.Count, elapsed, succeeded.Select(i => latencies[i]).ToList());
    }
}
