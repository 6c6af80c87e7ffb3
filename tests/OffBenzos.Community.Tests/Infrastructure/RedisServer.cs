using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OffBenzos.Community.Tests.Infrastructure;

/// <summary>
/// A real redis-server on a free loopback port, owned by one test so it can be stopped and started
/// again (without persistence: a restart is an empty Redis). `.ci/run` installs redis-server.
/// </summary>
public sealed class RedisServer : IDisposable
{
    private Process? _process;

    private RedisServer(int port) => Port = port;

    /// <summary>Starts one on a free port and waits until it accepts connections.</summary>
    public static async Task<RedisServer> StartNewAsync()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var server = new RedisServer(((IPEndPoint)probe.LocalEndpoint).Port);
        probe.Stop();
        await server.StartAsync();
        return server;
    }

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port}";

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("redis-server", ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start (is it installed? .ci/run installs it).");
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        // Ready when it accepts connections.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    public void Stop()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            process.WaitForExit();
        }
        _process?.Dispose();
        _process = null;
    }

    public void Dispose() => Stop();
}
