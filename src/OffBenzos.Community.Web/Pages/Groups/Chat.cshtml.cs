using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Chat;
using OffBenzos.Community.Web.Groups;

namespace OffBenzos.Community.Web.Pages.Groups;

/// <summary>
/// A group's live chat room. The page is the frame (the room's rules, the composer); the messages
/// come over the chat hub, which checks the member's access again on every call.
/// </summary>
[Authorize]
public sealed class ChatModel(GroupAccess access, ChatService chat) : PageModel
{
    public GroupAccess.Standing Standing { get; private set; } = null!;
    public ChatRoom? Room { get; private set; }
    public bool Sound { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (await access.ForSlugAsync(slug) is not { } standing)
        {
            return NotFound();
        }
        Standing = standing;
        if (standing.IsMember || standing.IsSiteModerator)
        {
            Room = await chat.RoomForGroupAsync(standing.Group.Id);
        }
        else
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        Sound = User.FindFirst(CommunityClaims.ChatSound)?.Value == bool.TrueString;
        return Page();
    }
}
