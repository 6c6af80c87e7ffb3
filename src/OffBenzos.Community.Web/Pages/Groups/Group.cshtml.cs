using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Chat;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Forum;
using OffBenzos.Community.Web.Groups;

namespace OffBenzos.Community.Web.Pages.Groups;

/// <summary>A group's page: what it is for, joining and leaving, and its threads (when the reader may see them).</summary>
public sealed class GroupModel(CommunityDb db, GroupAccess access, GroupService groups, ChatEviction chatEviction) : PageModel
{
    public const int ThreadsPerPage = 25;

    public GroupAccess.Standing Standing { get; private set; } = null!;
    public Group Group => Standing.Group;
    public IReadOnlyList<ThreadRow> Threads { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;
    public int PendingRequests { get; private set; }
    public string BasePath => $"/groups/{Group.Slug}";

    [TempData]
    public string? StatusMessage { get; set; }

    public sealed record ThreadRow(int Id, string Title, string Author, int Replies, DateTimeOffset LastActivityAt, bool IsPinned, bool IsLocked, ContentState State, bool Unread);

    // Every group page asks these, so they are compiled once: EF then neither reads the expression
    // again nor evaluates its parts through emitted stubs at each request (docs/benchmarks.md).
    private static readonly Func<CommunityDb, int, Task<int>> CountVisible = EF.CompileAsyncQuery(
        (CommunityDb db, int groupId) => db.Threads.Count(t => t.GroupId == groupId && t.State == ContentState.Visible));

    private static readonly Func<CommunityDb, int, Task<int>> CountAll = EF.CompileAsyncQuery(
        (CommunityDb db, int groupId) => db.Threads.Count(t => t.GroupId == groupId));

    // The author's name and the reader's place are joined on their keys: as subqueries, SQLite opened and
    // closed a cursor for each of them on every row (docs/benchmarks.md).
    private static readonly Func<CommunityDb, int, string?, bool, int, IAsyncEnumerable<ThreadRow>> PageOfVisible = EF.CompileAsyncQuery(
        (CommunityDb db, int groupId, string? userId, bool signedIn, int skip) => (
            from t in db.Threads
            where t.GroupId == groupId && t.State == ContentState.Visible
            from author in db.Users.Where(u => u.Id == t.AuthorId).DefaultIfEmpty()
            from reader in db.ThreadReaders.Where(r => r.ThreadId == t.Id && r.UserId == userId).DefaultIfEmpty()
            orderby t.IsPinned descending, t.LastActivityAt descending, t.Id descending
            select new ThreadRow(
                t.Id,
                t.Title,
                author.DisplayName ?? "a former member",
                t.LastPostNumber - 1,
                t.LastActivityAt,
                t.IsPinned,
                t.IsLocked,
                t.State,
                signedIn && (reader == null || reader.LastReadNumber < t.LastPostNumber)))
            .Skip(skip).Take(ThreadsPerPage));

    private static readonly Func<CommunityDb, int, string?, bool, int, IAsyncEnumerable<ThreadRow>> PageOfAll = EF.CompileAsyncQuery(
        (CommunityDb db, int groupId, string? userId, bool signedIn, int skip) => (
            from t in db.Threads
            where t.GroupId == groupId
            from author in db.Users.Where(u => u.Id == t.AuthorId).DefaultIfEmpty()
            from reader in db.ThreadReaders.Where(r => r.ThreadId == t.Id && r.UserId == userId).DefaultIfEmpty()
            orderby t.IsPinned descending, t.LastActivityAt descending, t.Id descending
            select new ThreadRow(
                t.Id,
                t.Title,
                author.DisplayName ?? "a former member",
                t.LastPostNumber - 1,
                t.LastActivityAt,
                t.IsPinned,
                t.IsLocked,
                t.State,
                signedIn && (reader == null || reader.LastReadNumber < t.LastPostNumber)))
            .Skip(skip).Take(ThreadsPerPage));

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "page")] int? page)
    {
        if (await access.ForSlugAsync(slug) is not { } standing)
        {
            return NotFound();
        }
        Standing = standing;
        if (!standing.CanRead)
        {
            return Page();
        }

        // Moderators see threads in every state, members the visible ones; two compiled queries
        // rather than one with "or", so that SQLite reads either from the thread-list index in order.
        var everyState = standing.CanModerate;
        var total = await (everyState ? CountAll(db, Group.Id) : CountVisible(db, Group.Id));
        PageCount = Math.Max(1, (total + ThreadsPerPage - 1) / ThreadsPerPage);
        PageNumber = Math.Clamp(page ?? 1, 1, PageCount);
        var skip = (PageNumber - 1) * ThreadsPerPage;
        var userId = standing.UserId;
        Threads = await (everyState ? PageOfAll : PageOfVisible)(db, Group.Id, userId, userId != null, skip).ToListAsync();
        if (standing.CanModerate)
        {
            PendingRequests = await db.GroupMemberships.CountAsync(m => m.GroupId == Group.Id && m.State == MembershipState.Pending);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostLeaveAsync(string slug)
    {
        if (await access.ForSlugAsync(slug) is not { } standing)
        {
            return NotFound();
        }
        if (standing.UserId is not { } userId)
        {
            return Challenge();
        }
        await groups.LeaveAsync(standing.Group.Id, userId);
        await chatEviction.FromGroupAsync(userId, standing.Group.Id, $"You left {standing.Group.Name}, so you are no longer in its chat.");
        StatusMessage = $"You have left {standing.Group.Name}. You are welcome back any time.";
        return RedirectToPage(new { slug });
    }

    public async Task<IActionResult> OnPostMuteAsync(string slug, bool muted)
    {
        if (await access.ForSlugAsync(slug) is not { } standing)
        {
            return NotFound();
        }
        if (standing.UserId is not { } userId)
        {
            return Challenge();
        }
        await groups.SetMutedAsync(standing.Group.Id, userId, muted);
        StatusMessage = muted ? "This group is muted: you won't get notifications from it." : "This group is no longer muted.";
        return RedirectToPage(new { slug });
    }
}
