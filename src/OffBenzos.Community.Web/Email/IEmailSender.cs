namespace OffBenzos.Community.Web.Email;

/// <summary>Queues an e-mail for delivery. Returns at once so a request's timing never depends on delivery.</summary>
public interface IEmailSender
{
    ValueTask SendAsync(string toAddress, string subject, string textBody, CancellationToken cancellationToken = default);
}
