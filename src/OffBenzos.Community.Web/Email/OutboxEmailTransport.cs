using Microsoft.Extensions.Options;
using MimeKit;

namespace OffBenzos.Community.Web.Email;

/// <summary>Development and tests: each message becomes an .eml file that a person or a test can open.</summary>
public sealed class OutboxEmailTransport(IOptions<EmailOptions> options, IWebHostEnvironment environment, TimeProvider clock) : IEmailTransport
{
    public string Folder { get; } = Path.GetFullPath(options.Value.OutboxFolder, environment.ContentRootPath);

    public async Task DeliverAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        Directory.CreateDirectory(Folder);
        var name = $"{clock.GetUtcNow():yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.eml";
        // Written under a temporary name and moved, so a reader never sees half a message.
        var temporary = Path.Combine(Folder, name + ".tmp");
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, Path.Combine(Folder, name));
    }
}
