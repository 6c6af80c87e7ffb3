using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Data;

namespace OffBenzos.Community.Web.Forum;

/// <summary>
/// Never lose a member's words to an expired session: a composer submit that arrives signed out is
/// kept (<see cref="SubmissionStash"/>), and the composer gets it back after sign-in as a draft.
/// </summary>
public sealed class ComposerRescue(CommunityDb db, ForumService forum, TimeProvider clock)
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
