using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Groups;
using OffBenzos.Community.Web.Moderation;
using OffBenzos.Community.Web.Notifications;

namespace OffBenzos.Community.Web.Forum;

/// <summary>Starting threads, replying, editing, deleting and reacting: the forum's writes.</summary>
public sealed class ForumService(
    CommunityDb db,
    PostRenderer renderer,
    TimeProvider clock,
    IForumNotifier notifier,
    NotificationService notifications,
    WriteLimits limits,
    ContentGate gate,
    SystemReview systemReview,
    ILogger<ForumService> logger)
{
    public const int TitleMin = 5;
    public const int TitleMax = 150;
    public const int BodyMax = 20_000;
    public const int LinksMax = 10;
    public const int PageSize = 20;

    public static int PageOf(int number) => ((number - 1) / PageSize) + 1;

    /// <summary>Drafts one member keeps on the server at most (one per thread, group or post being written).</summary>
    public const int DraftsMax = 50;

    public static string DraftKeyForReply(int threadId) => $"reply:{threadId}";
    public static string DraftKeyForThread(int groupId) => $"thread:{groupId}";
    public static string DraftKeyForEdit(int postId) => $"edit:{postId}";

    /// <summary>The outcome of a write: the post, or field → message for each problem.</summary>
    public sealed record WriteResult(Post? Post, IReadOnlyDictionary<string, string> Errors)
    {
        public bool Succeeded => Post is not null;

        /// <summary>Saved, but waiting for a moderator's approval before others see it.</summary>
        public bool Held => Post?.State == ContentState.PendingApproval;

        /// <summary>What the crisis detector found, for signposting (before publishing) and for the held-post message.</summary>
        public global::OffBenzos.Community.Web.Crisis.CrisisAssessment Crisis { get; init; } = OffBenzos.Community.Web.Crisis.CrisisAssessment.None;

        /// <summary>Not saved: the words suggest the member may be at risk, so they see support first and then choose.</summary>
        public bool NeedsCrisisCheck => Errors.ContainsKey(CrisisCheck);
    }

    /// <summary>The error key of a post the member should see crisis support for before publishing.</summary>
    public const string CrisisCheck = "CrisisCheck";

    /// <summary>The error key a page answers with 429 Too Many Requests.</summary>
    public const string RateLimited = "RateLimit";

    private async Task<WriteResult?> CheckRateAsync(string userId)
    {
        var created = await db.Users.Where(u => u.Id == userId).Select(u => u.CreatedAt).SingleAsync();
        var (allowed, message) = limits.TryWrite(userId, created, clock.GetUtcNow());
        return allowed ? null : Failed(RateLimited, message!);
    }

    private static WriteResult Failed(string field, string message) => new(null, new Dictionary<string, string> { [field] = message });

    public static string? CheckTitle(string? title)
    {
        var length = (title ?? "").Trim().Length;
        return length < TitleMin || length > TitleMax
            ? $"Please give the thread a title of {TitleMin} to {TitleMax} characters."
            : null;
    }

    /// <summary>Renders and checks a post body; the error is in words a member can act on.</summary>
    public (RenderedPost? Rendered, string? Error) CheckBody(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return (null, "Please write something before you post.");
        }
        if (markdown.Length > BodyMax)
        {
            return (null, $"Posts can be up to {BodyMax:N0} characters; this one has {markdown.Length:N0}. You could split it into two posts.");
        }
        var rendered = renderer.Render(markdown);
        if (rendered.LinkCount > LinksMax)
        {
            return (null, $"Posts can have up to {LinksMax} links; this one has {rendered.LinkCount}.");
        }
        if (string.IsNullOrWhiteSpace(rendered.PlainText))
        {
            return (null, "Please write something before you post.");
        }
        return (rendered, null);
    }

    /// <param name="trusted">Skips watched words and new-member holds: for the demo seeder only.</param>
    /// <param name="crisisAcknowledged">The member saw the crisis support shown before publishing and chose to post.</param>
    public async Task<WriteResult> StartThreadAsync(GroupAccess.Standing standing, string? title, string? markdown, Guid requestId, bool trusted = false, bool crisisAcknowledged = false)
    {
        ArgumentNullException.ThrowIfNull(standing);
        var userId = standing.UserId!;
        if (await ExistingAsync(userId, requestId) is { } existing)
        {
            return new(existing, new Dictionary<string, string>());
        }
        var errors = new Dictionary<string, string>();
        if (CheckTitle(title) is { } titleError)
        {
            errors["Title"] = titleError;
        }
        var (rendered, bodyError) = CheckBody(markdown);
        if (bodyError is not null)
        {
            errors["Body"] = bodyError;
        }
        if (errors.Count > 0)
        {
            return new(null, errors);
        }
        if (await CheckRateAsync(userId) is { } limited)
        {
            return limited;
        }
        var verdict = trusted ? ContentGate.Verdict.Publish : await gate.CheckAsync(userId, standing.IsSiteModerator, title + "\n" + markdown, rendered!.LinkCount);
        if (verdict.Blocked)
        {
            return Failed("Body", verdict.BlockedBecause!);
        }
        if (NeedsSignposting(verdict, crisisAcknowledged))
        {
            return Failed(CrisisCheck, "") with { Crisis = verdict.Crisis };
        }

        var now = clock.GetUtcNow();
        var thread = new ForumThread
        {
            State = verdict.Held ? ContentState.PendingApproval : ContentState.Visible,
            GroupId = standing.Group.Id,
            Title = title!.Trim(),
            AuthorId = userId,
            CreatedAt = now,
            LastActivityAt = now,
            LastPostNumber = 1,
        };
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Threads.Add(thread);
        await db.SaveChangesAsync();
        var post = NewPost(thread.Id, 1, userId, markdown!, rendered!, requestId, null, now);
        post.State = thread.State;
        db.Posts.Add(post);
        db.ThreadReaders.Add(new ThreadReader { ThreadId = thread.Id, UserId = userId, LastReadNumber = 1, Notify = ThreadNotify.Following });
        if (!await TrySaveAsync())
        {
            return new(await ExistingAsync(userId, requestId), new Dictionary<string, string>());
        }
        await DeleteDraftAsync(userId, DraftKeyForThread(standing.Group.Id));
        await transaction.CommitAsync();

        await RaiseAsync(post, thread, verdict);
        if (!verdict.Held)
        {
            await notifications.PostCreatedAsync(post, thread, rendered!.Mentions);
        }
        return new(post, new Dictionary<string, string>()) { Crisis = verdict.Crisis };
    }

    /// <param name="trusted">Skips watched words and new-member holds: for the demo seeder only.</param>
    /// <param name="crisisAcknowledged">The member saw the crisis support shown before publishing and chose to post.</param>
    public async Task<WriteResult> ReplyAsync(GroupAccess.Standing standing, ForumThread thread, string? markdown, Guid requestId, int? replyToPostId, bool trusted = false, bool crisisAcknowledged = false)
    {
        ArgumentNullException.ThrowIfNull(standing);
        ArgumentNullException.ThrowIfNull(thread);
        var userId = standing.UserId!;
        if (await ExistingAsync(userId, requestId) is { } existing)
        {
            return new(existing, new Dictionary<string, string>());
        }
        if (thread.IsLocked && !standing.CanModerate)
        {
            return Failed("Body", "This thread is locked, so it takes no new replies." + (thread.LockReason is null ? "" : " Reason: " + thread.LockReason));
        }
        var (rendered, bodyError) = CheckBody(markdown);
        if (bodyError is not null)
        {
            return Failed("Body", bodyError);
        }
        // A reply names the post and author it answers to every reader: only a published post of this thread.
        if (replyToPostId is { } target && !await db.Posts.AnyAsync(p => p.Id == target && p.ThreadId == thread.Id && p.State == ContentState.Visible))
        {
            replyToPostId = null;
        }
        if (await CheckRateAsync(userId) is { } limited)
        {
            return limited;
        }
        var verdict = trusted ? ContentGate.Verdict.Publish : await gate.CheckAsync(userId, standing.IsSiteModerator, markdown!, rendered!.LinkCount);
        if (verdict.Blocked)
        {
            return Failed("Body", verdict.BlockedBecause!);
        }
        if (NeedsSignposting(verdict, crisisAcknowledged))
        {
            return Failed(CrisisCheck, "") with { Crisis = verdict.Crisis };
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync();
        // Taking the next number is the transaction's first write, so concurrent replies queue here.
        await db.Threads.Where(t => t.Id == thread.Id).ExecuteUpdateAsync(t => t
            .SetProperty(x => x.LastPostNumber, x => x.LastPostNumber + 1)
            .SetProperty(x => x.LastActivityAt, now));
        var number = await db.Threads.Where(t => t.Id == thread.Id).Select(t => t.LastPostNumber).SingleAsync();
        var post = NewPost(thread.Id, number, userId, markdown!, rendered!, requestId, replyToPostId, now);
        post.State = verdict.Held ? ContentState.PendingApproval : ContentState.Visible;
        db.Posts.Add(post);
        if (!await TrySaveAsync())
        {
            return new(await ExistingAsync(userId, requestId), new Dictionary<string, string>());
        }
        await MarkReadAsync(thread.Id, userId, number);
        await DeleteDraftAsync(userId, DraftKeyForReply(thread.Id));
        await transaction.CommitAsync();

        await RaiseAsync(post, thread, verdict);
        if (!verdict.Held)
        {
            await NotifyAsync(thread.Id, post);
            await notifications.PostCreatedAsync(post, thread, rendered!.Mentions);
        }
        return new(post, new Dictionary<string, string>()) { Crisis = verdict.Crisis };
    }

    /// <summary>The author edits their post; the previous version is kept as a revision.</summary>
    public async Task<WriteResult> EditAsync(Post post, string? markdown, string editorId)
    {
        ArgumentNullException.ThrowIfNull(post);
        var (rendered, bodyError) = CheckBody(markdown);
        if (bodyError is not null)
        {
            return Failed("Body", bodyError);
        }
        if (markdown == post.Markdown)
        {
            return new(post, new Dictionary<string, string>());
        }
        if (await CheckRateAsync(editorId) is { } limited)
        {
            return limited;
        }
        var verdict = await gate.CheckAsync(editorId, isStaff: false, markdown!, rendered!.LinkCount, isNewPost: false);
        if (verdict.Blocked)
        {
            return Failed("Body", verdict.BlockedBecause!);
        }
        if (verdict.Held)
        {
            post.State = ContentState.PendingApproval;
        }
        db.PostRevisions.Add(new PostRevision
        {
            PostId = post.Id,
            Markdown = post.Markdown,
            Html = post.Html,
            WrittenAt = post.EditedAt ?? post.CreatedAt,
            EditorId = post.AuthorId,
        });
        post.Markdown = markdown!;
        post.Html = rendered!.Html;
        post.PlainText = rendered.PlainText;
        post.EditedAt = clock.GetUtcNow();
        await db.SaveChangesAsync();
        await DeleteDraftAsync(editorId, DraftKeyForEdit(post.Id));
        if (verdict.RaiseLane is not null)
        {
            var thread = await db.Threads.AsNoTracking().SingleAsync(t => t.Id == post.ThreadId);
            await RaiseAsync(post, thread, verdict);
        }
        return new(post, new Dictionary<string, string>());
    }

    /// <summary>The author removes their own post. It stays for moderators, shown to others as removed.</summary>
    public async Task RemoveOwnAsync(Post post)
    {
        ArgumentNullException.ThrowIfNull(post);
        post.State = ContentState.RemovedByAuthor;
        await db.SaveChangesAsync();
    }

    /// <summary>Adds the reaction if the member has not made it, takes it back if they have.</summary>
    public async Task ToggleReactionAsync(int postId, string userId, ReactionKind kind)
    {
        var removed = await db.Reactions.Where(r => r.PostId == postId && r.UserId == userId && r.Kind == kind).ExecuteDeleteAsync();
        if (removed > 0)
        {
            return;
        }
        db.Reactions.Add(new Reaction { PostId = postId, UserId = userId, Kind = kind, At = clock.GetUtcNow() });
        if (!await TrySaveAsync())
        {
            // A double click raced itself: the reaction is there, which is what was asked.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Moves the member's read marker forward (never back).</summary>
    public async Task MarkReadAsync(int threadId, string userId, int number)
    {
        var updated = await db.ThreadReaders.Where(r => r.ThreadId == threadId && r.UserId == userId && r.LastReadNumber < number)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.LastReadNumber, number));
        if (updated == 0 && !await db.ThreadReaders.AnyAsync(r => r.ThreadId == threadId && r.UserId == userId))
        {
            db.ThreadReaders.Add(new ThreadReader { ThreadId = threadId, UserId = userId, LastReadNumber = number });
            if (!await TrySaveAsync())
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    public async Task SetNotifyAsync(int threadId, string userId, ThreadNotify notify)
    {
        var updated = await db.ThreadReaders.Where(r => r.ThreadId == threadId && r.UserId == userId)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.Notify, notify));
        if (updated == 0)
        {
            db.ThreadReaders.Add(new ThreadReader { ThreadId = threadId, UserId = userId, Notify = notify });
            await db.SaveChangesAsync();
        }
    }

    public async Task ToggleBookmarkAsync(int postId, string userId)
    {
        if (await db.Bookmarks.Where(b => b.PostId == postId && b.UserId == userId).ExecuteDeleteAsync() > 0)
        {
            return;
        }
        db.Bookmarks.Add(new Bookmark { PostId = postId, UserId = userId, At = clock.GetUtcNow() });
        if (!await TrySaveAsync())
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The member's draft for a composer; compiled once, as every thread page asks it.</summary>
    public Task<Draft?> GetDraftAsync(string userId, string key) => DraftOf(db, userId, key);

    private static readonly Func<CommunityDb, string, string, Task<Draft?>> DraftOf = EF.CompileAsyncQuery(
        (CommunityDb db, string userId, string key) => db.Drafts.AsNoTracking().SingleOrDefault(d => d.UserId == userId && d.Key == key));

    /// <summary>Keeps what the member is writing. An empty text deletes the draft.</summary>
    public async Task SaveDraftAsync(string userId, string key, string? title, string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown) && string.IsNullOrWhiteSpace(title))
        {
            await DeleteDraftAsync(userId, key);
            return;
        }
        var now = clock.GetUtcNow();
        var updated = await db.Drafts.Where(d => d.UserId == userId && d.Key == key)
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.Markdown, markdown ?? "").SetProperty(x => x.Title, title).SetProperty(x => x.UpdatedAt, now));
        if (updated == 0)
        {
            db.Drafts.Add(new Draft { UserId = userId, Key = key, Title = title, Markdown = markdown ?? "", UpdatedAt = now });
            if (!await TrySaveAsync())
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// Whether the browser's background save may keep this draft: one it has already, or a new one while
    /// the member has fewer than <see cref="DraftsMax"/>. Drafts kept from a submitted form (a refused
    /// post, a sign-out's rescue) are not counted against this: they come from posts, which have their own limit.
    /// </summary>
    public async Task<bool> MayKeepDraftAsync(string userId, string key) =>
        await db.Drafts.AnyAsync(d => d.UserId == userId && d.Key == key)
        || await db.Drafts.CountAsync(d => d.UserId == userId) < DraftsMax;

    public Task DeleteDraftAsync(string userId, string key) =>
        db.Drafts.Where(d => d.UserId == userId && d.Key == key).ExecuteDeleteAsync();

    /// <summary>Words that suggest risk are shown support first (once); method detail is held instead.</summary>
    private static bool NeedsSignposting(ContentGate.Verdict verdict, bool acknowledged) =>
        !acknowledged && verdict.Crisis.ShouldSignpost && !verdict.Crisis.ShouldHold;

    private async Task RaiseAsync(Post post, ForumThread thread, ContentGate.Verdict verdict)
    {
        if (verdict.RaiseLane is not { } lane)
        {
            return;
        }
        var id = post.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await systemReview.RaiseAsync(new ModerationTarget(ModerationTargets.Post, id, thread.GroupId, post.AuthorId, thread.Title, post.Markdown, "/posts/" + id),
            lane, verdict.RaiseBecause ?? "Raised automatically.", verdict.Held);
    }

    private static Post NewPost(int threadId, int number, string userId, string markdown, RenderedPost rendered, Guid requestId, int? replyTo, DateTimeOffset now) => new()
    {
        ThreadId = threadId,
        Number = number,
        AuthorId = userId,
        ReplyToPostId = replyTo,
        Markdown = markdown.Replace("\r\n", "\n", StringComparison.Ordinal),
        Html = rendered.Html,
        PlainText = rendered.PlainText,
        CreatedAt = now,
        ClientRequestId = requestId,
    };

    private Task<Post?> ExistingAsync(string userId, Guid requestId) =>
        db.Posts.AsNoTracking().SingleOrDefaultAsync(p => p.AuthorId == userId && p.ClientRequestId == requestId);

    private async Task<bool> TrySaveAsync()
    {
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException ex)
        {
            logger.LogInformation(ex, "A write collided with an identical one (double submit or double click).");
            return false;
        }
    }

    private async Task NotifyAsync(int threadId, Post post)
    {
        try
        {
            await notifier.PostAddedAsync(threadId, post.Id, post.Number);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The post is saved; a missed live notice only means readers see it on their next load.
            logger.LogWarning(ex, "Could not announce post {PostId} live.", post.Id);
        }
    }
}
