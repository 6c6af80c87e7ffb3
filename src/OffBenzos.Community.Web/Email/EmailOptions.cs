namespace OffBenzos.Community.Web.Email;

/// <summary>Bound from the <c>Email</c> section. See README for the table of settings.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary><c>Outbox</c> writes .eml files to <see cref="OutboxFolder"/>; <c>Smtp</c> sends them.</summary>
    public EmailDelivery Delivery { get; set; } = EmailDelivery.Outbox;

    /// <summary>Relative to the content root. Only used with <see cref="EmailDelivery.Outbox"/>.</summary>
    public string OutboxFolder { get; set; } = "App_Data/outbox";

    public string FromAddress { get; set; } = "no-reply@offbenzos.invalid";
    public string FromName { get; set; } = "OffBenzos Community";

    /// <summary>The address links in e-mails point to, e.g. https://community.example.org.</summary>
    public string? PublicBaseUrl { get; set; }

    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;

    /// <summary>STARTTLS on 587, implicit TLS on 465; never plain text unless explicitly turned off for a local relay.</summary>
    public bool SmtpUseTls { get; set; } = true;

    public string? SmtpUserName { get; set; }
    public string? SmtpPassword { get; set; }
}
