using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Authorization;
using OffBenzos.Community.Web.Chat;
using OffBenzos.Community.Web.Forum;
using OffBenzos.Community.Web.Groups;
using OffBenzos.Community.Web.Moderation;

namespace OffBenzos.Community.Web.Pages.Flags;

/// <summary>Flag a post, a thread or a profile for a moderator, with a reason.</summary>
[Authorize(Policy = Policies.ConfirmedMember)]
public sealed class FlagModel(ModerationTargetLoader targets, FlagService flags, GroupAccess access, ChatService chat, UserManager<CommunityUser> users, CurrentAccount current) : PageModel
{
    public ModerationTarget Target { get; private set; } = null!;

    [BindProperty]
    public FlagReason? Reason { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public string? Error { get; private set; }
    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string type, string id) =>
        await LoadAsync(type, id) ?? Page();

    public async Task<IActionResult> OnPostAsync(string type, string id)
    {
        if (await LoadAsync(type, id) is { } refusal)
        {
            return refusal;
        }
        if ((await current.GetAsync())?.Silence is { } silence)
        {
            Error = SanctionService.Describe(silence) + " Reason: " + silence.Reason;
            return Page();
        }
        if (Reason is null)
        {
            Error = "Please choose a reason.";
            return Page();
        }
        Error = await flags.FlagAsync(users.GetUserId(User)!, Target, Reason.Value, Note);
        Done = Error is null;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string type, string id)
    {
        if (!ModerationTargets.Flaggable.Contains(type) || await targets.LoadAsync(type, id) is not { } target)
        {
            return NotFound();
        }
        // Only what the member can see can be flagged by them, and the page shows what is flagged: a
        // held, hidden or removed post, or a chat message from a room they may not read, is not found,
        // exactly as if it did not exist.
        var visible = type switch
        {
            ModerationTargets.ChatMessage => await chat.ReadableMessageAsync(long.Parse(id, CultureInfo.InvariantCulture)) is { Message.State: ContentState.Visible },
            ModerationTargets.Profile => true,
            _ => target.GroupId is { } groupId && await access.ForGroupIdAsync(groupId) is { CanRead: true }
                && await targets.IsPublishedAsync(type, id),
        };
        if (!visible)
        {
            return NotFound();
        }
        Target = target;
        return null;
    }
}
