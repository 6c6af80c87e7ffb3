using System.Diagnostics;
using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace OffBenzos.Community.Benchmarks;

/// <summary>
/// The app as production runs it: published in Release, started on Kestrel on 127.0.0.1, pinned to
/// its own core (taskset) so the load generator, pinned to another, does not steal its time.
/// </summary>
public sealed class AppServer : IAsyncDisposable
{
    private readonly Process _process;

    private AppServer(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<string> PublishAsync(string repositoryRoot, string folder, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var output = Path.Combine(folder, "app");
        await log.WriteLineAsync("Publishing the app in Release...");
        await RunAsync("dotnet", ["publish", Path.Combine(repositoryRoot, "src", "OffBenzos.Community.Web"), "-c", "Release", "-o", output, "--nologo", "-v", "q"]);
        return Path.Combine(output, "OffBenzos.Community.Web.dll");
    }

    public static async Task<AppServer> StartAsync(string dll, string databaseFile, string folder, string? cpu, IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var pinned = cpu is not null && File.Exists("/usr/bin/taskset");
        var start = new ProcessStartInfo(pinned ? "/usr/bin/taskset" : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        if (pinned)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(cpu!);
            start.ArgumentList.Add("dotnet");
        }
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString().TrimEnd('/'));
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = "Sqlite",
            ["ConnectionStrings__Community"] = $"Data Source={databaseFile}",
            ["Email__Delivery"] = "Outbox",
            ["Email__OutboxFolder"] = Path.Combine(folder, "outbox"),
            ["DataProtection__KeysFolder"] = Path.Combine(folder, "keys"),
            ["Community__SeedDemoContent"] = "false",
            // The load comes from one address and a few accounts; the write limits would (rightly) stop it.
            ["RateLimits__AccountPostsPerMinute"] = "100000",
            ["RateLimits__PostsPerMinute"] = "1000000",
            ["RateLimits__MemberPostsPerHour"] = "1000000",
            ["RateLimits__NewMemberPostsPerHour"] = "1000000",
            ["Moderation__HoldFirstPosts"] = "0",
            ["Chat__MessagesPerMinute"] = "1000000",
            ["Chat__SendBurst"] = "100000",
            ["Chat__ConnectionsPerMember"] = "100000",
            ["Chat__RoomActionsPerMinute"] = "1000000",
            ["Chat__RoomActionBurst"] = "100000",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("app: " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new AppServer(process, address);
        await server.WaitReadyAsync();
        return server;
    }

    /// <summary>Ready when the control endpoint answers (start-up builds the search index over every post).</summary>
    private async Task WaitReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(15);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app stopped during start-up (exit code {_process.ExitCode}).");
            }
            try
            {
                if ((await client.GetAsync("/ping")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }
            await Task.Delay(500);
        }
        throw new TimeoutException("The app did not become ready.");
    }

    /// <summary>The server's resident memory, for the idle-connections scenario.</summary>
    public long WorkingSet
    {
        get
        {
            // With taskset the process is taskset's child, exec'd in place, so the pid is the app's.
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    /// <summary>
    /// Has the server run a full, blocking garbage collection, the way dotnet-gcdump does (an
    /// EventPipe session that enables the runtime's GCHeapCollect keyword), and returns the size of
    /// its managed heap afterwards: what is live, every generation and the pinned heap (where
    /// Kestrel's buffers are) included.
    /// </summary>
    public async Task<long> CollectGarbageAsync()
    {
        const long GcKeyword = 0x1, GcHeapCollectKeyword = 0x800000;
        var client = new DiagnosticsClient(_process.Id);
        var provider = new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, GcKeyword | GcHeapCollectKeyword);
        using var session = await client.StartEventPipeSessionAsync([provider], requestRundown: false, circularBufferMB: 16, CancellationToken.None);
        var heap = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var fullCollection = false;
        using var source = new EventPipeEventSource(session.EventStream);
        source.Clr.GCStart += e => fullCollection |= e.Depth == 2;
        source.Clr.GCHeapStats += e =>
        {
            if (fullCollection)
            {
                heap.TrySetResult(e.GenerationSize0 + e.GenerationSize1 + e.GenerationSize2 + e.GenerationSize3 + e.GenerationSize4);
            }
        };
        var reading = Task.Run(source.Process);
        try
        {
            return await heap.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            await session.StopAsync(CancellationToken.None);
            await reading;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed:\n{await output}\n{await error}");
        }
    }
}
