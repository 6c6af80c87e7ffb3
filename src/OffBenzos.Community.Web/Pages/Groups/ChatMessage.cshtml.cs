using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Chat;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Forum;

namespace OffBenzos.Community.Web.Pages.Groups;

/// <summary>
/// One chat message with the conversation around it: where flags, notifications and the review
/// queue link to. Members of the room see published messages; moderators also see held and removed ones.
/// </summary>
[Authorize]
public sealed class ChatMessageModel(CommunityDb db, ChatService chat) : PageModel
{
    public const int Around = 10;

    public sealed record Row(long Id, string AuthorName, string Text, DateTimeOffset SentAt, ContentState State);

    public ChatMessage Message { get; private set; } = null!;
    public string GroupName { get; private set; } = "";
    public string GroupSlug { get; private set; } = "";
    public bool CanModerate { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id)
    {
        // Read as the room's own history would be: a late joiner to a private session sees nothing said before they came.
        if (await chat.ReadableMessageAsync(id) is not var (message, room))
        {
            return NotFound();
        }
        CanModerate = room.CanModerate;
        Message = message;
        GroupName = room.Standing.Group.Name;
        GroupSlug = room.Standing.Group.Slug;
        var sequence = message.Sequence ?? long.MaxValue;
        var query = chat.Around(room).AsNoTracking();
        var before = await query.Where(m => m.Sequence < sequence).OrderByDescending(m => m.Sequence).Take(Around).ToListAsync();
        var after = message.Sequence is null ? [] : await query.Where(m => m.Sequence > sequence).OrderBy(m => m.Sequence).Take(Around).ToListAsync();
        var all = before.Append(message).Concat(after).ToList();
        var ids = all.Select(m => m.AuthorId).Distinct().ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        Rows = all.OrderBy(m => m.Sequence ?? long.MaxValue)
            .Select(m => new Row(m.Id, names.GetValueOrDefault(m.AuthorId, "A former member"), m.Text, m.SentAt, m.State)).ToList();
        return Page();
    }
}
