using System.Text.Json;
using Microsoft.Playwright;

namespace OffBenzos.Community.BrowserTests.Infrastructure;

/// <summary>
/// Watches a page's SignalR WebSocket frames, so a test can wait until the page has really
/// subscribed (for example, invoked WatchQueue and heard back) before the event it expects happens.
/// </summary>
internal sealed class HubTraffic
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _completed = new(StringComparer.Ordinal);

    public HubTraffic(IPage page) => page.WebSocket += (_, socket) => Watch(socket);

    public int Completed(string target)
    {
        lock (_gate)
        {
            return _completed.GetValueOrDefault(target);
        }
    }

    private void Watch(IWebSocket socket)
    {
        // Invocation ids are per connection.
        var pending = new Dictionary<string, string>(StringComparer.Ordinal);
        socket.FrameSent += (_, frame) =>
        {
            foreach (var message in Messages(frame.Text))
            {
                if (message.Type == 1 && message.InvocationId is { } id && message.Target is { } target)
                {
                    lock (_gate)
                    {
                        pending[id] = target;
                    }
                }
            }
        };
        socket.FrameReceived += (_, frame) =>
        {
            foreach (var message in Messages(frame.Text))
            {
                if (message.Type == 3 && message.InvocationId is { } id)
                {
                    lock (_gate)
                    {
                        if (pending.Remove(id, out var target))
                        {
                            _completed[target] = _completed.GetValueOrDefault(target) + 1;
                        }
                    }
                }
            }
        };
    }

    private static List<(int Type, string? InvocationId, string? Target)> Messages(string? frame)
    {
        var messages = new List<(int Type, string? InvocationId, string? Target)>();
        foreach (var record in (frame ?? "").Split('\u001e', StringSplitOptions.RemoveEmptyEntries))
        {
            try
            {
                using var json = JsonDocument.Parse(record);
                var root = json.RootElement;
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Number)
                {
                    messages.Add((
                        type.GetInt32(),
                        root.TryGetProperty("invocationId", out var id) ? id.GetString() : null,
                        root.TryGetProperty("target", out var target) ? target.GetString() : null));
                }
            }
            catch (JsonException)
            {
                // Not a SignalR JSON message (another protocol, or a socket the page opened itself).
            }
        }
        return messages;
    }
}
