using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Groups;
using OffBenzos.Community.Web.Web;

namespace OffBenzos.Community.Web.Forum;

/// <summary>
/// The composer's background saves and live preview. JSON endpoints for the signed-in member's own
/// drafts, each checked for the antiforgery header the page's script sends.
/// </summary>
public static partial class DraftEndpoints
{
    public sealed record DraftBody(string? Title, string? Markdown);

    public sealed record PreviewBody(string? Markdown);

    public static void MapDrafts(this WebApplication app)
    {
        var api = app.MapGroup("/api").RequireAuthorization();

        api.MapPut("/drafts/{key}", async (string key, DraftBody body, HttpContext http, IAntiforgery antiforgery,
            UserManager<CommunityUser> users, ForumService forum) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.BadRequest(new { error = "The page is out of date. Reload it; your text is still in this browser." });
            }
            if (!DraftKey().IsMatch(key))
            {
                return Results.NotFound();
            }
            if ((body.Markdown?.Length ?? 0) > ForumService.BodyMax + 1_000 || (body.Title?.Length ?? 0) > ForumService.TitleMax + 50)
            {
                return Results.BadRequest(new { error = "This draft is longer than a post can be." });
            }
            var userId = users.GetUserId(http.User)!;
            if (!await forum.MayKeepDraftAsync(userId, key))
            {
                // A bound on what one account can store; no older draft is dropped to make room.
                return Results.Conflict(new { error = $"You have {ForumService.DraftsMax} drafts saved already. Post or clear one of them and this one will be saved too; until then it is kept in this browser." });
            }
            await forum.SaveDraftAsync(userId, key, body.Title, body.Markdown);
            return Results.NoContent();
        }).RequireRateLimiting(WebUiSetup.DraftRateLimit);

        // Display names for @mention autocomplete: the group's members first. Names are public; e-mails never leave.
        api.MapGet("/mentions", async (string? q, int? group, CommunityDb db, GroupAccess access) =>
        {
            var text = (q ?? "").Trim().TrimStart('@', '[');
            if (text.Length is 0 or > DisplayNames.MaxLength)
            {
                return Results.Ok(Array.Empty<string>());
            }
            // Who belongs to a group can say something about their health: the order may show it only to
            // those who see the group from inside (its members, site moderators), not to anyone who names its id.
            if (group is { } groupId && await access.ForGroupIdAsync(groupId) is not ({ IsMember: true } or { IsSiteModerator: true }))
            {
                group = null;
            }
            var key = DisplayNames.Key(text);
            var names = await db.Users.AsNoTracking()
                .Where(u => u.DisplayNameKey.StartsWith(key))
                .OrderByDescending(u => group != null && db.GroupMemberships.Any(m => m.GroupId == group && m.UserId == u.Id))
                .ThenBy(u => u.DisplayName)
                .Select(u => u.DisplayName)
                .Take(8)
                .ToListAsync();
            return Results.Ok(names);
        });

        api.MapPost("/preview", async (PreviewBody body, HttpContext http, IAntiforgery antiforgery, ForumService forum) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.BadRequest(new { error = "The page is out of date. Reload it; your text is still in this browser." });
            }
            var (rendered, error) = forum.CheckBody(body.Markdown);
            return Results.Ok(new { html = rendered?.Html ?? "", error });
        });
    }

    [GeneratedRegex("^(reply|thread|edit):[0-9]{1,10}$")]
    private static partial Regex DraftKey();
}
