using System.Threading.Channels;
using Microsoft.Extensions.Options;
using MimeKit;

namespace OffBenzos.Community.Web.Email;

/// <summary>
/// Puts messages on an in-process queue that <see cref="EmailDeliveryService"/> drains. Sign-in,
/// registration and reset answer in the same time whether or not an e-mail goes out, so response
/// time cannot reveal whether an address has an account.
/// </summary>
public sealed class QueuedEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    private readonly Channel<MimeMessage> _queue = Channel.CreateBounded<MimeMessage>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    public ChannelReader<MimeMessage> Reader => _queue.Reader;

    public ValueTask SendAsync(string toAddress, string subject, string textBody, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        message.To.Add(MailboxAddress.Parse(toAddress));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = textBody };
        return _queue.Writer.WriteAsync(message, cancellationToken);
    }
}
