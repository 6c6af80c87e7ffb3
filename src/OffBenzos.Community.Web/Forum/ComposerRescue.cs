using System.Security.Cryptography;
using System.Threading.RateLimiting;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Data;

namespace OffBenzos.Community.Web.Forum;

/// <summary>
/// Never lose a member's words to an expired session: a composer submit that arrives signed out is
/// kept (<see cref="SubmissionStash"/>), and the composer gets it back after sign-in as a draft.
/// </summary>
public sealed class ComposerRescue(CommunityDb db, ForumService forum, RescueLimits limits, TimeProvider clock, ILogger<ComposerRescue> logger)
{
    public const string CookieName = "OffBenzos.Rescue";
    private static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    public async Task KeepAsync(HttpContext http, string draftKey, string? title, string? markdown)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (string.IsNullOrWhiteSpace(markdown) && string.IsNullOrWhiteSpace(title))
        {
            return;
        }
        if (!limits.TryTake(http))
        {
            // Anyone signed out can send this (it needs only the site's cookie), so the table is not
            // theirs to fill. A member past the limit still has the text in their browser's own copy.
            logger.LogWarning("Refused to keep a signed-out submit: too many from one address this hour.");
            return;
        }
        var now = clock.GetUtcNow();
        // Old stashes are dropped as new ones arrive: nothing is kept longer than a day.
        await db.SubmissionStashes.Where(s => s.CreatedAt < now - KeptFor).ExecuteDeleteAsync();
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        db.SubmissionStashes.Add(new SubmissionStash
        {
            Token = token,
            DraftKey = draftKey,
            Title = Truncate(title, ForumService.TitleMax + 50),
            Markdown = Truncate(markdown, ForumService.BodyMax + 1_000) ?? "",
            CreatedAt = now,
        });
        await db.SaveChangesAsync();
        http.Response.Cookies.Append(CookieName, token, new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            MaxAge = KeptFor,
            Path = "/",
        });
    }

    /// <summary>If this browser kept a submit for this composer, it becomes the member's draft. True if so.</summary>
    public async Task<bool> RestoreAsync(HttpContext http, string userId, string draftKey)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Request.Cookies[CookieName] is not { Length: > 0 } token)
        {
            return false;
        }
        var stash = await db.SubmissionStashes.SingleOrDefaultAsync(s => s.Token == token && s.DraftKey == draftKey);
        if (stash is null || stash.CreatedAt < clock.GetUtcNow() - KeptFor)
        {
            return false;
        }
        await forum.SaveDraftAsync(userId, draftKey, stash.Title, stash.Markdown);
        db.SubmissionStashes.Remove(stash);
        await db.SaveChangesAsync();
        http.Response.Cookies.Delete(CookieName);
        return true;
    }

    private static string? Truncate(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}

/// <summary>
/// Signed-out submits kept per client address and hour (per instance): a member whose session ended
/// sends one or two; a script sending thousands to fill the table is stopped at the tenth.
/// </summary>
public sealed class RescueLimits : IDisposable
{
    public const int PerAddressPerHour = 10;

    private readonly PartitionedRateLimiter<string> _kept = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions { PermitLimit = PerAddressPerHour, Window = TimeSpan.FromHours(1) }));

    public bool TryTake(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var lease = _kept.AttemptAcquire(http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return lease.IsAcquired;
    }

    public void Dispose() => _kept.Dispose();
}
