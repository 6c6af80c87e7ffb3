using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Moderation;

namespace OffBenzos.Community.Tests.Infrastructure;

public static class ModerationFixtures
{
    /// <summary>Flags through the real flag form; returns the page's answer.</summary>
    public static async Task<AngleSharp.Dom.IDocument> FlagAsync(this HttpClient browser, string type, object id, string reason = "Harassment", string? note = null)
    {
        var fields = new Dictionary<string, string> { ["Reason"] = reason };
        if (note is not null)
        {
            fields["Note"] = note;
        }
        var response = await browser.SubmitFormAsync($"/flag/{type}/{id}", fields);
        return await response.ParseAsync();
    }

    public static async Task<HttpClient> SiteModeratorAsync(this CommunityApp app, string name = "Steady Moderator")
    {
        var moderator = await app.CreateUserAsync(displayName: name, roles: OffBenzos.Community.Web.Authorization.SiteRoles.Moderator);
        return await app.SignedInWithTwoFactorAsync(moderator, await app.EnableTwoFactorAsync(moderator));
    }

    public static Task<ReviewItem> OnlyItemAsync(this CommunityApp app) =>
        app.WithDbAsync(db => db.ReviewItems.AsNoTracking().SingleAsync());

    public static Task<HttpResponseMessage> DecideAsync(this HttpClient moderator, long itemId, string decision, string removal = "Hidden", string reason = "") =>
        moderator.SubmitFormAsync($"/moderation/items/{itemId}", new() { ["decision"] = decision, ["removal"] = removal, ["reason"] = reason }, "form.decide-form");
}
