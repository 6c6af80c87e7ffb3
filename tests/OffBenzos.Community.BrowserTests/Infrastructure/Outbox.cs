using System.Text.RegularExpressions;
using MimeKit;

namespace OffBenzos.Community.BrowserTests.Infrastructure;

/// <summary>Reads the .eml files the app wrote to its outbox, as a person opens their e-mail.</summary>
public static partial class Outbox
{
    /// <summary>Waits (up to 10 s: delivery is queued) for a message to <paramref name="address"/> and returns the newest.</summary>
    public static async Task<MimeMessage> WaitForMessageToAsync(this BrowserApp app, string address)
    {
        ArgumentNullException.ThrowIfNull(app);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var messages = Directory.Exists(app.OutboxFolder)
                ? Directory.GetFiles(app.OutboxFolder, "*.eml")
                    .Order(StringComparer.Ordinal)
                    .Select(f => MimeMessage.Load(f))
                    .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))
                    .ToList()
                : [];
            if (messages.Count > 0)
            {
                return messages[^1];
            }
            Assert.True(DateTime.UtcNow < deadline, $"No e-mail to {address} arrived in the outbox.");
            await Task.Delay(100);
        }
    }

    /// <summary>The first link in the message whose path starts with <paramref name="pathPrefix"/>, as a path and query.</summary>
    public static string LinkTo(this MimeMessage message, string pathPrefix)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = message.TextBody ?? "";
        var link = LinkPattern().Matches(body).Select(m => new Uri(m.Value)).FirstOrDefault(u => u.AbsolutePath.StartsWith(pathPrefix, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No link to {pathPrefix} in: {body}");
        return link.PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
