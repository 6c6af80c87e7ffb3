namespace OffBenzos.Community.BrowserTests.Infrastructure;

/// <summary>
/// A page script (added before any of the page's own) that remembers the page's open WebSockets so a
/// test can drop them as a lost network would: closed abnormally, from the browser's side.
/// </summary>
internal static class NetworkDrops
{
    public const string Script = """
        (() => {
          const Native = window.WebSocket;
          const open = new Set();
          window.WebSocket = class extends Native {
            constructor(...args) {
              super(...args);
              open.add(this);
              this.addEventListener('close', () => open.delete(this));
            }
          };
          window.__offbenzosDropSockets = () => { for (const socket of open) socket.close(4000, 'network lost'); };
        })();
        """;

    public const string DropAll = "() => window.__offbenzosDropSockets()";
}
