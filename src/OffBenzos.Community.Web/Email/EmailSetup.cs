namespace OffBenzos.Community.Web.Email;

public static class EmailSetup
{
    public static WebApplicationBuilder AddEmail(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(EmailOptions.Section);
        builder.Services.AddOptions<EmailOptions>().Bind(section)
            // SMTP needs a server, and links in e-mails need the public address (never the request Host header).
            .Validate(o => o.Delivery != EmailDelivery.Smtp || !string.IsNullOrWhiteSpace(o.SmtpHost),
                "Email:Delivery is Smtp but Email:SmtpHost is empty.")
            .Validate(o => o.Delivery != EmailDelivery.Smtp || Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out _),
                "Email:Delivery is Smtp but Email:PublicBaseUrl is not an absolute URL.")
            .ValidateOnStart();

        builder.Services.AddSingleton<QueuedEmailSender>();
        builder.Services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<QueuedEmailSender>());
        builder.Services.AddHostedService<EmailDeliveryService>();

        if (section.Get<EmailOptions>()?.Delivery == EmailDelivery.Smtp)
        {
            builder.Services.AddSingleton<IEmailTransport, SmtpEmailTransport>();
        }
        else
        {
            builder.Services.AddSingleton<OutboxEmailTransport>();
            builder.Services.AddSingleton<IEmailTransport>(sp => sp.GetRequiredService<OutboxEmailTransport>());
        }
        return builder;
    }

    /// <summary>Tells the developer where Development e-mails land.</summary>
    public static void LogEmailOutbox(this WebApplication app)
    {
        if (app.Services.GetService<OutboxEmailTransport>() is { } outbox)
        {
            app.Logger.LogInformation("E-mails are written to the outbox folder {Folder}", outbox.Folder);
            if (!app.Environment.IsDevelopment())
            {
                app.Logger.LogWarning("Email:Delivery is Outbox outside Development: members will not receive e-mail. Configure SMTP (docs/operations.md).");
            }
        }
    }
}
