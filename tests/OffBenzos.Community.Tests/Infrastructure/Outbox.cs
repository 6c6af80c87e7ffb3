using System.Text.RegularExpressions;
using MimeKit;

namespace OffBenzos.Community.Tests.Infrastructure;

/// <summary>Reads the .eml files the app wrote, as a person would open them.</summary>
public static partial class Outbox
{
    /// <summary>Waits (up to 10 s: delivery is queued) for <paramref name="count"/> messages to <paramref name="address"/>.</summary>
    public static async Task<IReadOnlyList<MimeMessage>> WaitForMessagesToAsync(this CommunityApp app, string address, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var messages = MessagesTo(app, address);
            if (messages.Count >= count || DateTime.UtcNow > deadline)
            {
                Assert.True(messages.Count >= count, $"Expected {count} e-mail(s) to {address}, found {messages.Count}.");
                return messages;
            }
            await Task.Delay(50);
        }
    }

    public static IReadOnlyList<MimeMessage> MessagesTo(this CommunityApp app, string address)
    {
        if (!Directory.Exists(app.OutboxFolder))
        {
            return [];
        }
        return Directory.GetFiles(app.OutboxFolder, "*.eml")
            .Order(StringComparer.Ordinal)
            .Select(f => MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))
            .ToList();
    }

    /// <summary>The first link in the message whose path starts with <paramref name="pathPrefix"/>, as a relative URL.</summary>
    public static string LinkTo(this MimeMessage message, string pathPrefix)
    {
        var body = message.TextBody ?? "";
        var link = LinkPattern().Matches(body).Select(m => new Uri(m.Value)).FirstOrDefault(u => u.AbsolutePath.StartsWith(pathPrefix, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No link to {pathPrefix} in: {body}");
        return link.PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
