using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Forum;
using OffBenzos.Community.Web.Moderation;
using OffBenzos.Community.Web.Notifications;

namespace OffBenzos.Community.Web.Privacy;

/// <summary>
/// A member's copy of everything held about them: a ZIP of JSON files, with their posts also as
/// Markdown. Never another member's private data: other people appear only by their public display
/// names where the member's own data names them (whom they blocked, whose session they attended).
/// </summary>
public sealed class DataExportService(
    CommunityDb db,
    UserManager<CommunityUser> users,
    NotificationService notifications,
    IOptions<PrivacyOptions> options,
    TimeProvider clock,
    ILogger<DataExportService> logger)
{
    // A file for the member to read, never embedded in a page: apostrophes and accents stay as written.
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Asks for an export after checking the passphrase; an export already under way is reused.</summary>
    public async Task<(Guid? Id, string? Error)> RequestAsync(CommunityUser user, string? passphrase)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(passphrase) || !await users.CheckPasswordAsync(user, passphrase))
        {
            return (null, "That passphrase isn't right. Please enter the one you sign in with.");
        }
        var pending = await db.DataExports.Where(e => e.UserId == user.Id && (e.Status == DataExportStatus.Queued || e.Status == DataExportStatus.Running))
            .Select(e => (Guid?)e.Id).FirstOrDefaultAsync();
        if (pending is not null)
        {
            return (pending, null);
        }
        var export = new DataExport { Id = Guid.NewGuid(), UserId = user.Id, RequestedAt = clock.GetUtcNow() };
        db.DataExports.Add(export);
        await db.SaveChangesAsync();
        return (export.Id, null);
    }

    /// <summary>Takes the oldest waiting export (only one instance gets each) and prepares it. False when none waits.</summary>
    public async Task<bool> PrepareNextAsync(CancellationToken cancellationToken = default)
    {
        var next = await db.DataExports.Where(e => e.Status == DataExportStatus.Queued).OrderBy(e => e.RequestedAt).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(cancellationToken);
        if (next is not { } id)
        {
            return false;
        }
        var claimed = await db.DataExports.Where(e => e.Id == id && e.Status == DataExportStatus.Queued)
            .ExecuteUpdateAsync(e => e.SetProperty(x => x.Status, DataExportStatus.Running), cancellationToken);
        if (claimed == 1)
        {
            await PrepareAsync(id, cancellationToken);
        }
        return true;
    }

    public async Task PrepareAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var export = await db.DataExports.AsNoTracking().SingleAsync(e => e.Id == id, cancellationToken);
        try
        {
            var content = await BuildAsync(export.UserId, progress => SetProgressAsync(id, progress, cancellationToken), cancellationToken);
            var now = clock.GetUtcNow();
            await db.DataExports.Where(e => e.Id == id).ExecuteUpdateAsync(e => e
                .SetProperty(x => x.Status, DataExportStatus.Ready)
                .SetProperty(x => x.Progress, 100)
                .SetProperty(x => x.Content, content)
                .SetProperty(x => x.Size, content.LongLength)
                .SetProperty(x => x.ReadyAt, now)
                .SetProperty(x => x.ExpiresAt, now.AddDays(options.Value.ExportDays)), cancellationToken);
            await notifications.NotifyAsync(export.UserId, NotificationKind.Account, "Your data is ready to download",
                $"The copy of your data you asked for is ready. You can download it from your privacy page for {options.Value.ExportDays} days.",
                url: "/Identity/Account/Manage/Privacy");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Preparing data export {ExportId} failed.", id);
            await db.DataExports.Where(e => e.Id == id).ExecuteUpdateAsync(e => e.SetProperty(x => x.Status, DataExportStatus.Failed), CancellationToken.None);
        }
    }

    private async Task SetProgressAsync(Guid id, int progress, CancellationToken cancellationToken) =>
        await db.DataExports.Where(e => e.Id == id).ExecuteUpdateAsync(e => e.SetProperty(x => x.Progress, progress), cancellationToken);

    /// <summary>The ZIP itself. <paramref name="progress"/> hears the percentage as each part is written.</summary>
    public async Task<byte[]> BuildAsync(string userId, Func<int, Task> progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var parts = Parts(userId);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            await WriteAsync(zip, "README.txt", Readme, cancellationToken);
            for (var i = 0; i < parts.Count; i++)
            {
                var (name, data) = parts[i];
                var value = await data();
                if (value is string text)
                {
                    await WriteAsync(zip, name, text, cancellationToken);
                }
                else
                {
                    await WriteAsync(zip, name, JsonSerializer.Serialize(value, Json), cancellationToken);
                }
                await progress((i + 1) * 99 / parts.Count);
            }
        }
        return buffer.ToArray();
    }

    private static async Task WriteAsync(ZipArchive zip, string name, string text, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        await using var stream = await entry.OpenAsync(cancellationToken);
        var bytes = Encoding.UTF8.GetBytes(text);
        await stream.WriteAsync(bytes, cancellationToken);
    }

    private const string Readme = """
        Your data from OffBenzos Community
        ==================================

        Everything we hold about you, as JSON files (open them with any text editor), and your posts
        again as posts.md, readable as they are. Times are in UTC.

        account.json         your account and profile (never your passphrase or its hash)
        consents.json        the consents you gave, with the version of the text and when
        groups.json          the groups you belong to (or asked to join) and your role there
        threads.json         threads you started
        posts.json           your posts, with every earlier version (revisions)
        posts.md             the same posts, readable
        reactions.json       your reactions to posts
        bookmarks.json       posts you saved
        drafts.json          what you were writing and had not posted
        chat-messages.json   your chat messages, in group rooms and live sessions
        sessions.json        your answers to live sessions, your attendance, and sessions you hosted
        notifications.json   your notifications
        flags.json           what you flagged for the moderators, and why
        moderation.json      moderators' decisions about your content and account, with their reasons, and your appeals
        blocks.json          members you blocked
        concerns.json        times you told us you were worried about someone
        sign-ins.json        your recent sign-ins (time and rough device)

        Questions about your data: see /privacy on the site.
        """;

    private List<(string Name, Func<Task<object>> Data)> Parts(string userId) =>
    [
        ("account.json", async () =>
        {
            var u = await db.Users.AsNoTracking().SingleAsync(x => x.Id == userId);
            var roles = await db.UserRoles.Where(r => r.UserId == userId).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync();
            return new
            {
                u.Id, u.Email, u.EmailConfirmed, u.DisplayName, Country = u.CountryCode, TimeZone = u.TimeZoneId, Theme = u.Theme.ToString(),
                u.ChatSound, u.CreatedAt, TwoFactorEnabled = u.TwoFactorEnabled, Roles = roles, u.DeletionRequestedAt, u.DeletionDueAt,
            };
        }),
        ("consents.json", async () => await db.ConsentRecords.AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.GivenAt)
            .Select(c => new { c.Kind, c.Version, c.GivenAt }).ToListAsync()),
        ("groups.json", async () => await db.GroupMemberships.AsNoTracking().Where(m => m.UserId == userId)
            .Join(db.Groups, m => m.GroupId, g => g.Id, (m, g) => new { Group = g.Name, g.Slug, Role = m.Role.ToString(), State = m.State.ToString(), m.RequestedAt, m.JoinedAt, m.Muted })
            .ToListAsync()),
        ("threads.json", async () => await db.Threads.AsNoTracking().Where(t => t.AuthorId == userId)
            .Join(db.Groups, t => t.GroupId, g => g.Id, (t, g) => new { t.Id, Group = g.Name, t.Title, State = t.State.ToString(), t.CreatedAt })
            .ToListAsync()),
        ("posts.json", async () => await PostsAsync(userId)),
        ("posts.md", async () => PostsMarkdown(await PostsAsync(userId))),
        ("reactions.json", async () => await db.Reactions.AsNoTracking().Where(r => r.UserId == userId)
            .Select(r => new { r.PostId, Kind = r.Kind.ToString(), r.At }).ToListAsync()),
        ("bookmarks.json", async () => await db.Bookmarks.AsNoTracking().Where(b => b.UserId == userId)
            .Select(b => new { b.PostId, b.At }).ToListAsync()),
        ("drafts.json", async () => await db.Drafts.AsNoTracking().Where(d => d.UserId == userId)
            .Select(d => new { d.Key, d.Title, d.Markdown, d.UpdatedAt }).ToListAsync()),
        ("chat-messages.json", async () => await db.ChatMessages.AsNoTracking().Where(m => m.AuthorId == userId)
            .Join(db.ChatRooms, m => m.RoomId, r => r.Id, (m, r) => new { m, r })
            .Join(db.Groups, x => x.r.GroupId, g => g.Id, (x, g) => new
            {
                x.m.Id, Group = g.Name, Room = x.r.Kind.ToString(),
                Session = db.LiveSessions.Where(s => s.RoomId == x.r.Id).Select(s => s.Title).FirstOrDefault(),
                x.m.Text, x.m.SentAt, State = x.m.State.ToString(),
            })
            .ToListAsync()),
        ("sessions.json", async () => new
        {
            Answers = await db.SessionRsvps.AsNoTracking().Where(r => r.UserId == userId)
                .Join(db.LiveSessions, r => r.SessionId, s => s.Id, (r, s) => new { Session = s.Title, s.StartsAt, Answer = r.Response.ToString(), r.AnsweredAt }).ToListAsync(),
            Attended = await db.SessionAttendances.AsNoTracking().Where(a => a.UserId == userId)
                .Join(db.LiveSessions, a => a.SessionId, s => s.Id, (a, s) => new
                {
                    Session = s.Title, s.StartsAt, s.DurationMinutes,
                    Host = db.Users.Where(u => u.Id == s.HostId).Select(u => u.DisplayName).FirstOrDefault(),
                    a.FirstJoinedAt, a.Muted, a.RemovedAt, a.RemovedReason,
                }).ToListAsync(),
            Hosted = await db.LiveSessions.AsNoTracking().Where(s => s.HostId == userId)
                .Select(s => new { s.Title, s.Description, s.StartsAt, s.DurationMinutes, s.Capacity, Status = s.Status.ToString() }).ToListAsync(),
        }),
        ("notifications.json", async () => await db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderBy(n => n.CreatedAt)
            .Select(n => new { Kind = n.Kind.ToString(), n.Summary, n.Detail, n.Url, n.PostId, n.CreatedAt, n.ReadAt }).ToListAsync()),
        // What the member flagged and why; not the flagged content, which is someone else's.
        ("flags.json", async () => await db.Flags.AsNoTracking().Where(f => f.FlaggerId == userId)
            .Join(db.ReviewItems, f => f.ReviewItemId, i => i.Id, (f, i) => new { What = i.TargetType, Id = i.TargetId, Reason = f.Reason.ToString(), f.Note, f.At }).ToListAsync()),
        ("moderation.json", async () => new
        {
            Decisions = await db.ReviewItems.AsNoTracking().Where(i => i.AuthorId == userId && i.Status == ReviewStatus.Resolved && i.Decision != null)
                .Select(i => new { What = i.TargetType, Id = i.TargetId, Decision = i.Decision.ToString(), Reason = i.DecisionReason, i.ResolvedAt, Automatic = i.SystemReason }).ToListAsync(),
            Sanctions = await db.Sanctions.AsNoTracking().Where(s => s.UserId == userId)
                .Select(s => new { Kind = s.Kind.ToString(), s.Reason, s.StartsAt, s.EndsAt }).ToListAsync(),
            Appeals = await db.Appeals.AsNoTracking().Where(a => a.UserId == userId)
                .Select(a => new { a.DecisionKey, a.Text, a.CreatedAt }).ToListAsync(),
        }),
        ("blocks.json", async () => await db.MemberBlocks.AsNoTracking().Where(b => b.BlockerId == userId)
            .Select(b => new { Member = db.Users.Where(u => u.Id == b.BlockedId).Select(u => u.DisplayName).FirstOrDefault(), b.At }).ToListAsync()),
        ("concerns.json", async () => await db.ConcernReports.AsNoTracking().Where(c => c.ReporterId == userId)
            .Select(c => new { About = db.Users.Where(u => u.Id == c.PersonId).Select(u => u.DisplayName).FirstOrDefault(), c.At }).ToListAsync()),
        ("sign-ins.json", async () => await db.SignInRecords.AsNoTracking().Where(s => s.UserId == userId).OrderByDescending(s => s.At)
            .Select(s => new { s.At, s.Device }).ToListAsync()),
    ];

    private sealed record ExportedPost(int Id, string Group, string Thread, int Number, string Markdown, string State, DateTimeOffset CreatedAt, DateTimeOffset? EditedAt, IReadOnlyList<ExportedRevision> Revisions);

    private sealed record ExportedRevision(string Markdown, DateTimeOffset WrittenAt);

    private async Task<List<ExportedPost>> PostsAsync(string userId)
    {
        var posts = await db.Posts.AsNoTracking().Where(p => p.AuthorId == userId)
            .Join(db.Threads, p => p.ThreadId, t => t.Id, (p, t) => new { p, t.Title, t.GroupId })
            .Join(db.Groups, x => x.GroupId, g => g.Id, (x, g) => new { x.p, x.Title, Group = g.Name })
            .ToListAsync();
        var ids = posts.Select(x => x.p.Id).ToList();
        var revisions = (await db.PostRevisions.AsNoTracking().Where(r => ids.Contains(r.PostId)).ToListAsync())
            .ToLookup(r => r.PostId);
        return posts.OrderBy(x => x.p.CreatedAt)
            .Select(x => new ExportedPost(x.p.Id, x.Group, x.Title, x.p.Number, x.p.Markdown, x.p.State.ToString(), x.p.CreatedAt, x.p.EditedAt,
                revisions[x.p.Id].OrderBy(r => r.WrittenAt).Select(r => new ExportedRevision(r.Markdown, r.WrittenAt)).ToList()))
            .ToList();
    }

    private static string PostsMarkdown(List<ExportedPost> posts)
    {
        var text = new StringBuilder("# Your posts on OffBenzos Community\n\n");
        foreach (var post in posts)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"## {post.Thread} (#{post.Number}, {post.Group})\n\n");
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"_{post.CreatedAt:yyyy-MM-dd HH:mm} UTC{(post.EditedAt is { } edited ? $", edited {edited:yyyy-MM-dd HH:mm}" : "")}_\n\n");
            text.Append(post.Markdown).Append("\n\n---\n\n");
        }
        return text.ToString();
    }
}
