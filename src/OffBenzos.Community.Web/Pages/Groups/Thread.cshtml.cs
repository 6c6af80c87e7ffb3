using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Forum;
using OffBenzos.Community.Web.Groups;
using OffBenzos.Community.Web.Web;

namespace OffBenzos.Community.Web.Pages.Groups;

/// <summary>
/// A thread, 20 posts a page with stable numbers and links, the reply composer, reactions and
/// bookmarks, and moderators' thread tools. Opening it without a page returns the reader to their
/// first unread post.
/// </summary>
[IgnoreAntiforgeryToken]
[ComposerAntiforgery]
public sealed class ThreadModel(CommunityDb db, GroupAccess access, ForumService forum, ThreadModeration moderation, BlockService blocks, ComposerRescue rescue) : PageModel
{
    public GroupAccess.Standing Standing { get; private set; } = null!;
    public ForumThread Thread { get; private set; } = null!;
    public IReadOnlyList<PostView> Posts { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;
    public ThreadNotify Notify { get; private set; }
    public IReadOnlyList<(int Id, string Name)> MoveTargets { get; private set; } = [];

    /// <summary>The thread with the reader's row and draft, read together by <see cref="LoadAsync"/>.</summary>
    private ThreadRow _threadRow = null!;

    public string BasePath => $"/groups/{Standing.Group.Slug}/threads/{Thread.Id}";

    [BindProperty]
    public string? Body { get; set; }

    [BindProperty]
    public Guid RequestId { get; set; }

    [BindProperty]
    public int? ReplyTo { get; set; }

    /// <summary>The member saw the crisis support and chose to post.</summary>
    [BindProperty]
    public bool CrisisAcknowledged { get; set; }

    /// <summary>Set when the reply was not saved because the member should see crisis support first.</summary>
    public global::OffBenzos.Community.Web.Crisis.CrisisAssessment? CrisisCheck { get; private set; }

    public string? BodyError { get; private set; }
    public string? PreviewHtml { get; private set; }
    public string? DraftSavedAt { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public bool Rescued { get; private set; }

    public ComposerModel Composer => new(ForumService.DraftKeyForReply(Thread.Id), Thread.GroupId, "Your reply", "Post reply",
        Body, RequestId, ReplyTo, BodyError, PreviewHtml, DraftSavedAt);

    public sealed record PostView(
        int Id, int Number, string AuthorId, string Author, string? AuthorBadge, string Html, DateTimeOffset CreatedAt,
        DateTimeOffset? EditedAt, ContentState State, int? ReplyToNumber, string? ReplyToAuthor, int? ReplyToId,
        IReadOnlyDictionary<ReactionKind, int> Reactions, IReadOnlySet<ReactionKind> Mine, bool Bookmarked, bool AuthorBlocked)
    {
        public bool IsVisible => State == ContentState.Visible;
    }

    public async Task<IActionResult> OnGetAsync(string slug, int id, [FromQuery(Name = "page")] int? page, int? quote, int? replyTo)
    {
        if (await LoadAsync(slug, id) is { } refusal)
        {
            return refusal;
        }
        if (page is null && Standing.UserId is not null)
        {
            if (_threadRow.LastRead is { } read && read > 0 && read < Thread.LastPostNumber)
            {
                var firstUnread = await db.Posts.Where(p => p.ThreadId == id && p.Number > read).OrderBy(p => p.Number).Select(p => new { p.Id, p.Number }).FirstOrDefaultAsync();
                if (firstUnread is not null)
                {
                    return Redirect($"{BasePath}?page={ForumService.PageOf(firstUnread.Number)}#post-{firstUnread.Id}");
                }
            }
        }
        RequestId = Guid.NewGuid();
        await LoadPageAsync(page ?? 1);
        if (Standing.CanWrite)
        {
            Rescued = await rescue.RestoreAsync(HttpContext, Standing.UserId!, ForumService.DraftKeyForReply(id));
            if (quote is { } quoted && await QuoteAsync(quoted) is { } text)
            {
                Body = text;
                ReplyTo = quoted;
            }
            else if (Rescued && await forum.GetDraftAsync(Standing.UserId!, ForumService.DraftKeyForReply(id)) is { } restored)
            {
                // The rescue has just written the draft: the one read with the thread is older.
                Body = restored.Markdown;
                DraftSavedAt = TimeText.Iso(restored.UpdatedAt);
            }
            else if (_threadRow.Draft is { } draft)
            {
                Body = draft;
                DraftSavedAt = _threadRow.DraftUpdatedAt is { } saved ? TimeText.Iso(saved) : null;
            }
            if (replyTo is { } target && await db.Posts.AnyAsync(p => p.Id == target && p.ThreadId == id && p.State == ContentState.Visible))
            {
                ReplyTo = target;
            }
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, int id)
    {
        if (await LoadAsync(slug, id) is { } refusal)
        {
            return refusal;
        }
        if (Standing.UserId is null)
        {
            // The session ended while they wrote: keep the words, and bring them back after sign-in.
            await rescue.KeepAsync(HttpContext, ForumService.DraftKeyForReply(id), null, Body);
            return Challenge(new AuthenticationProperties { RedirectUri = $"{BasePath}#reply" });
        }
        if (!Standing.CanWrite)
        {
            return await RedisplayAsync(Standing.WhyNotWrite);
        }
        var result = await forum.ReplyAsync(Standing, Thread, Body, RequestId == Guid.Empty ? Guid.NewGuid() : RequestId, ReplyTo, crisisAcknowledged: CrisisAcknowledged);
        if (result.NeedsCrisisCheck)
        {
            CrisisCheck = result.Crisis;
            await forum.SaveDraftAsync(Standing.UserId!, ForumService.DraftKeyForReply(id), null, Body);
            return await RedisplayAsync(null);
        }
        if (!result.Succeeded)
        {
            await forum.SaveDraftAsync(Standing.UserId!, ForumService.DraftKeyForReply(id), null, Body);
            if (result.Errors.ContainsKey(ForumService.RateLimited))
            {
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
            }
            return await RedisplayAsync(result.Errors.GetValueOrDefault("Body") ?? result.Errors.GetValueOrDefault(ForumService.RateLimited));
        }
        var post = result.Post!;
        if (result.Held && result.Crisis.ShouldHold)
        {
            StatusMessage = HeldForCareMessage;
        }
        // "sent" tells the composer script the text is safe, so it forgets its local copy.
        return Redirect($"{BasePath}?page={ForumService.PageOf(post.Number)}&sent={Uri.EscapeDataString(ForumService.DraftKeyForReply(id))}#post-{post.Id}");
    }

    public async Task<IActionResult> OnPostPreviewAsync(string slug, int id)
    {
        if (await LoadAsync(slug, id) is { } refusal)
        {
            return refusal;
        }
        var (rendered, error) = forum.CheckBody(Body);
        PreviewHtml = rendered?.Html;
        if (Standing.CanWrite)
        {
            await forum.SaveDraftAsync(Standing.UserId!, ForumService.DraftKeyForReply(id), null, Body);
        }
        return await RedisplayAsync(error);
    }

    public async Task<IActionResult> OnPostReactAsync(string slug, int id, int postId, ReactionKind kind)
    {
        if (await WritablePostAsync(slug, id, postId) is { } refusal)
        {
            return refusal;
        }
        if (Enum.IsDefined(kind))
        {
            await forum.ToggleReactionAsync(postId, Standing.UserId!, kind);
        }
        return BackToPost(postId);
    }

    public async Task<IActionResult> OnPostBookmarkAsync(string slug, int id, int postId)
    {
        if (await LoadAsync(slug, id) is { } refusal)
        {
            return refusal;
        }
        if (Standing.UserId is null)
        {
            return Challenge();
        }
        if (await db.Posts.AnyAsync(p => p.Id == postId && p.ThreadId == id))
        {
            await forum.ToggleBookmarkAsync(postId, Standing.UserId);
        }
        return BackToPost(postId);
    }

    public async Task<IActionResult> OnPostNotifyAsync(string slug, int id, ThreadNotify notify)
    {
        if (await LoadAsync(slug, id) is { } refusal)
        {
            return refusal;
        }
        if (!Standing.CanWrite)
        {
            return await RedisplayAsync(Standing.WhyNotWrite);
        }
        await forum.SetNotifyAsync(id, Standing.UserId!, Enum.IsDefined(notify) ? notify : ThreadNotify.Default);
        StatusMessage = notify switch
        {
            ThreadNotify.Following => "You're following this thread: you'll be told about every new post.",
            ThreadNotify.Muted => "This thread is muted: you won't hear from it, not even replies to you.",
            _ => "You'll be told about replies to you and mentions only.",
        };
        return Redirect(BasePath + "?page=1");
    }

    public async Task<IActionResult> OnPostBlockAsync(string slug, int id, int postId, bool block)
    {
        if (await LoadAsync(slug, id) is { } refusal)
        {
            return refusal;
        }
        if (Standing.UserId is null)
        {
            return Challenge();
        }
        // Only from a post the member can see: a held or removed post's author is not theirs to learn.
        var author = await db.Posts.Where(p => p.Id == postId && p.ThreadId == id && p.State == ContentState.Visible).Select(p => p.AuthorId).SingleOrDefaultAsync();
        if (author is null)
        {
            return NotFound();
        }
        var error = await blocks.SetAsync(Standing.UserId, author, block);
        StatusMessage = error is not null ? "Error: " + error
            : block ? "Blocked. Their posts are folded away for you, and they can't notify you. You can undo this on the Blocked members page."
            : "Unblocked.";
        return BackToPost(postId);
    }

    public async Task<IActionResult> OnPostRemoveOwnAsync(string slug, int id, int postId)
    {
        if (await LoadAsync(slug, id) is { } refusal)
        {
            return refusal;
        }
        var post = await db.Posts.SingleOrDefaultAsync(p => p.Id == postId && p.ThreadId == id);
        if (post is null || post.AuthorId != Standing.UserId)
        {
            return NotFound();
        }
        await forum.RemoveOwnAsync(post);
        StatusMessage = "Your post is removed. Moderators can still see it, to keep the community safe.";
        return BackToPost(postId);
    }

    public async Task<IActionResult> OnPostModerateAsync(string slug, int id, string action, string? reason, int? toGroup)
    {
        if (await LoadAsync(slug, id) is { } refusal)
        {
            return refusal;
        }
        if (!Standing.CanModerate)
        {
            return Forbid();
        }
        var actor = Standing.UserId!;
        string? error = null;
        switch (action)
        {
            case "pin": await moderation.SetPinnedAsync(Thread, true, actor); break;
            case "unpin": await moderation.SetPinnedAsync(Thread, false, actor); break;
            case "lock": error = await moderation.LockAsync(Thread, reason, actor); break;
            case "unlock": await moderation.UnlockAsync(Thread, actor); break;
            case "hide": error = await moderation.SetStateAsync(Thread, ContentState.Hidden, reason, actor); break;
            case "remove": error = await moderation.SetStateAsync(Thread, ContentState.Removed, reason, actor); break;
            case "show": error = await moderation.SetStateAsync(Thread, ContentState.Visible, reason, actor); break;
            case "move":
                // A group moderator may move threads only between groups they moderate.
                var target = toGroup is { } gid ? await access.ForGroupIdAsync(gid) : null;
                if (target is null || !target.CanModerate)
                {
                    error = "Please choose a group you moderate.";
                    break;
                }
                await moderation.MoveAsync(Thread, target.Group.Id, actor);
                StatusMessage = $"Moved to {target.Group.Name}.";
                return Redirect($"/groups/{target.Group.Slug}/threads/{id}?page=1");
            default: error = "Unknown action."; break;
        }
        StatusMessage = error is null ? "Done." : "Error: " + error;
        return Redirect(BasePath + "?page=1");
    }

    public const string HeldForCareMessage =
        "We've kept your post back for a moderator to read first, because it mentions ways or amounts of harming someone. You're not in trouble. If you're thinking about hurting yourself, please reach out now: the lines at the top of this page are there any hour.";

    private RedirectResult BackToPost(int postId) => Redirect($"/posts/{postId}");

    private async Task<IActionResult> RedisplayAsync(string? error)
    {
        BodyError = error;
        await LoadPageAsync(ReplyTo is { } replyTo
            ? ForumService.PageOf(await db.Posts.Where(p => p.Id == replyTo).Select(p => p.Number).FirstOrDefaultAsync() is var n and > 0 ? n : 1)
            : PageCount);
        return Page();
    }

    private async Task<IActionResult?> WritablePostAsync(string slug, int id, int postId)
    {
        if (await LoadAsync(slug, id) is { } refusal)
        {
            return refusal;
        }
        if (Standing.UserId is null)
        {
            return Challenge();
        }
        if (!Standing.CanWrite)
        {
            StatusMessage = "Error: " + Standing.WhyNotWrite;
            return BackToPost(postId);
        }
        return await db.Posts.AnyAsync(p => p.Id == postId && p.ThreadId == id && p.State == ContentState.Visible) ? null : NotFound();
    }

    /// <summary>Finds the group and thread and checks the reader may see them; a refusal result otherwise.</summary>
    private async Task<IActionResult?> LoadAsync(string slug, int id)
    {
        if (await access.ForSlugAsync(slug) is not { } standing)
        {
            return NotFound();
        }
        var row = await ThreadAndReader(db, id, standing.UserId, ForumService.DraftKeyForReply(id));
        if (row is null)
        {
            return NotFound();
        }
        var thread = row.Thread;
        if (thread.GroupId != standing.Group.Id)
        {
            // The thread was moved: its old address still leads to it, for those who may read where it
            // went. A member signed out signs in first; to anyone else it is not found, rather than a
            // redirect that says where it lives.
            if (await access.ForGroupIdAsync(thread.GroupId) is not { } home)
            {
                return NotFound();
            }
            if (!home.CanRead)
            {
                return home.UserId is null ? Challenge() : NotFound();
            }
            return RedirectPermanent($"/groups/{home.Group.Slug}/threads/{id}{Request.QueryString}");
        }
        if (!standing.CanRead)
        {
            return standing.UserId is null ? Challenge() : Forbid();
        }
        // A thread waiting for approval is seen by its author (marked as waiting) and moderators only.
        var ownPending = thread.State == ContentState.PendingApproval && thread.AuthorId == standing.UserId;
        if (thread.State != ContentState.Visible && !standing.CanModerate && !ownPending)
        {
            return NotFound();
        }
        Standing = standing;
        Thread = thread;
        _threadRow = row;
        PageCount = ForumService.PageOf(Math.Max(1, thread.LastPostNumber));
        return null;
    }

    private async Task LoadPageAsync(int page)
    {
        PageNumber = Math.Clamp(page, 1, PageCount);
        var first = ((PageNumber - 1) * ForumService.PageSize) + 1;
        var last = first + ForumService.PageSize - 1;
        var me = Standing.UserId;
        var canModerate = Standing.CanModerate;
        var (threadId, groupId) = (Thread.Id, Thread.GroupId);
        var rows = await PageOfPosts(db, threadId, groupId, first, last, me, canModerate).ToListAsync();
        Posts = rows.Select(r => new PostView(
            r.Id, r.Number, r.AuthorId, r.Author ?? "a former member",
            r.SiteRole is Authorization.SiteRoles.Moderator or Authorization.SiteRoles.Admin ? "Moderator"
                : r.SiteRole is Authorization.SiteRoles.Coach ? "Coach"
                : r.GroupRole is GroupRole.Moderator ? "Group moderator" : r.GroupRole is GroupRole.Coach ? "Coach" : null,
            r.Html, r.CreatedAt, r.EditedAt, r.State,
            r.ReplyToNumber, r.ReplyToAuthor, r.ReplyToNumber is null ? null : r.ReplyToPostId,
            ReactionSum.Counts(r.Reactions),
            ReactionSum.Mine(r.Reactions),
            r.Bookmarked,
            r.AuthorBlocked)).ToList();

        if (me is not null)
        {
            Notify = _threadRow.Notify ?? default;
            // Only a page with posts not read before writes: reading again takes no write lock.
            if (Posts.Count > 0 && (_threadRow.LastRead is not { } read || read < Posts[^1].Number))
            {
                await forum.MarkReadAsync(Thread.Id, me, Posts[^1].Number);
            }
        }
        if (canModerate)
        {
            var moderatable = new List<(int, string)>();
            foreach (var group in await db.Groups.AsNoTracking().Where(g => g.Id != Thread.GroupId).OrderBy(g => g.Name).ToListAsync())
            {
                if ((await access.ForAsync(group)).CanModerate)
                {
                    moderatable.Add((group.Id, group.Name));
                }
            }
            MoveTargets = moderatable;
        }
    }

    // The page's queries, compiled once: every reader of every thread asks them, and a compiled query
    // spares EF reading the expression again (and the funcletizer's stubs) at each request.
    /// <summary>
    /// The thread, and where this reader stands in it: their notification choice, the last post they
    /// read, and their reply draft (null for a reader who has none, or no account).
    /// </summary>
    private sealed record ThreadRow(ForumThread Thread, ThreadNotify? Notify, int? LastRead, string? Draft, DateTimeOffset? DraftUpdatedAt);

    // One statement for what was three (the thread, the reader's row, the draft): each reader's part
    // is a scalar subquery answered from its table's key.
    private static readonly Func<CommunityDb, int, string?, string, Task<ThreadRow?>> ThreadAndReader = EF.CompileAsyncQuery(
        (CommunityDb db, int id, string? me, string draftKey) => db.Threads.AsNoTracking()
            .Where(t => t.Id == id)
            .Select(t => new ThreadRow(
                t,
                db.ThreadReaders.Where(r => r.ThreadId == id && r.UserId == me).Select(r => (ThreadNotify?)r.Notify).FirstOrDefault(),
                db.ThreadReaders.Where(r => r.ThreadId == id && r.UserId == me).Select(r => (int?)r.LastReadNumber).FirstOrDefault(),
                db.Drafts.Where(d => d.UserId == me && d.Key == draftKey).Select(d => d.Markdown).FirstOrDefault(),
                db.Drafts.Where(d => d.UserId == me && d.Key == draftKey).Select(d => (DateTimeOffset?)d.UpdatedAt).FirstOrDefault()))
            .SingleOrDefault());

    // The columns the page shows, not the whole post: its Markdown and plain text stay in the database.
    private sealed record PostRow(int Id, int Number, string AuthorId, string Html, DateTimeOffset CreatedAt, DateTimeOffset? EditedAt, ContentState State, int? ReplyToPostId, string? Author, GroupRole? GroupRole, string? SiteRole, bool Bookmarked, bool AuthorBlocked, int? ReplyToNumber, string? ReplyToAuthor, long Reactions);

    /// <summary>
    /// A post's reactions as one number: each of its reaction rows adds its kind's unit, so the sum holds
    /// a count of each kind (20 bits each) and, above them, a bit for each kind the reader gave. One
    /// subquery a post walks the post's few reaction rows once, where a count and a check of each kind
    /// were six lookups a post (docs/benchmarks.md). A count cannot reach 2^20 and spill into the next:
    /// each member gives each kind at most once (the reactions' key), so that would take over a million
    /// accounts reacting to one post.
    /// </summary>
    private static class ReactionSum
    {
        public const long Support = 1L, Hug = 1L << 20, SameHere = 1L << 40;
        public const long MineSupport = 1L << 60, MineHug = 1L << 61, MineSameHere = 1L << 62;

        private static readonly (ReactionKind Kind, long Unit, long Mine)[] Each =
            [(ReactionKind.Support, Support, MineSupport), (ReactionKind.Hug, Hug, MineHug), (ReactionKind.SameHere, SameHere, MineSameHere)];

        public static Dictionary<ReactionKind, int> Counts(long sum) =>
            Each.Select(e => (e.Kind, Count: (int)(sum / e.Unit % (1L << 20)))).Where(e => e.Count > 0).ToDictionary(e => e.Kind, e => e.Count);

        public static HashSet<ReactionKind> Mine(long sum) => Each.Where(e => (sum & e.Mine) != 0).Select(e => e.Kind).ToHashSet();
    }

    // One row a post. What is one row per post elsewhere (the author, their group role, the reader's
    // bookmark and block, the post replied to and its author) is joined on its key rather than asked in a
    // subquery per post: SQLite opens and closes a cursor for every subquery it runs, 20 times a page
    // each, and the joins took over a third off the statement's time (docs/benchmarks.md). The site
    // role (several rows a member) and the reactions (several a post) stay subqueries.
    private static readonly Func<CommunityDb, int, int, int, int, string?, bool, IAsyncEnumerable<PostRow>> PageOfPosts = EF.CompileAsyncQuery(
        (CommunityDb db, int threadId, int groupId, int first, int last, string? me, bool canModerate) =>
            from p in db.Posts.AsNoTracking()
            where p.ThreadId == threadId && p.Number >= first && p.Number <= last
                && (p.State != ContentState.PendingApproval || p.AuthorId == me || canModerate)
            from author in db.Users.Where(u => u.Id == p.AuthorId).DefaultIfEmpty()
            from membership in db.GroupMemberships.Where(m => m.GroupId == groupId && m.UserId == p.AuthorId && m.State == MembershipState.Active).DefaultIfEmpty()
            from bookmark in db.Bookmarks.Where(b => b.UserId == me && b.PostId == p.Id).DefaultIfEmpty()
            from block in db.MemberBlocks.Where(b => b.BlockerId == me && b.BlockedId == p.AuthorId).DefaultIfEmpty()
            from replied in db.Posts.Where(r => r.Id == p.ReplyToPostId).DefaultIfEmpty()
            from repliedAuthor in db.Users.Where(u => u.Id == replied.AuthorId).DefaultIfEmpty()
            orderby p.Number
            select new PostRow(
                p.Id, p.Number, p.AuthorId, p.Html, p.CreatedAt, p.EditedAt, p.State, p.ReplyToPostId,
                author.DisplayName,
                (GroupRole?)membership.Role,
                // The author's site role that earns a badge: staff before coach.
                db.UserRoles.Where(ur => ur.UserId == p.AuthorId)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name)
                    .Where(n => n == Authorization.SiteRoles.Moderator || n == Authorization.SiteRoles.Admin || n == Authorization.SiteRoles.Coach)
                    .OrderBy(n => n == Authorization.SiteRoles.Coach ? 1 : 0)
                    .FirstOrDefault(),
                bookmark != null,
                block != null,
                (int?)replied.Number,
                repliedAuthor.DisplayName,
                db.Reactions.Where(r => r.PostId == p.Id).Sum(r =>
                    (r.Kind == ReactionKind.Support ? ReactionSum.Support : r.Kind == ReactionKind.Hug ? ReactionSum.Hug : ReactionSum.SameHere)
                    + (r.UserId == me
                        ? (r.Kind == ReactionKind.Support ? ReactionSum.MineSupport : r.Kind == ReactionKind.Hug ? ReactionSum.MineHug : ReactionSum.MineSameHere)
                        : 0L))));

    /// <summary>The quoted post as a Markdown block quote with its author, for the composer.</summary>
    private async Task<string?> QuoteAsync(int postId)
    {
        var post = await db.Posts.AsNoTracking().Where(p => p.Id == postId && p.ThreadId == Thread.Id && p.State == ContentState.Visible)
            .Select(p => new { p.Markdown, Author = db.Users.Where(u => u.Id == p.AuthorId).Select(u => u.DisplayName).FirstOrDefault() })
            .SingleOrDefaultAsync();
        if (post is null)
        {
            return null;
        }
        var quoted = string.Join("\n", post.Markdown.Split('\n').Select(line => "> " + line));
        return $"> **{post.Author ?? "a former member"}** wrote:\n{quoted}\n\n";
    }
}
