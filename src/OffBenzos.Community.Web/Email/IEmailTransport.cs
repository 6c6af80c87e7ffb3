using MimeKit;

namespace OffBenzos.Community.Web.Email;

/// <summary>Delivers one message: to the outbox folder or over SMTP.</summary>
public interface IEmailTransport
{
    Task DeliverAsync(MimeMessage message, CancellationToken cancellationToken);
}
