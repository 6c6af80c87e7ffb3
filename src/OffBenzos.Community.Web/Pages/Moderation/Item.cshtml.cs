using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Crisis;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Groups;
using OffBenzos.Community.Web.Forum;
using OffBenzos.Community.Web.Moderation;

namespace OffBenzos.Community.Web.Pages.Moderation;

/// <summary>One review item: the content now and as flagged, who flagged and why, the author's history, the context, and the decision.</summary>
public sealed class ItemModel(
    CommunityDb db,
    ModeratorScope scopes,
    ModerationTargetLoader targets,
    ReviewService reviews,
    FlagService flags,
    SanctionService sanctions,
    GroupAccess access,
    ForumService forum,
    CrisisDirectory directory,
    AuditLog audit,
    Chat.ChatService chat,
    TimeProvider clock) : PageModel
{
    public ReviewItem Item { get; private set; } = null!;
    public ModerationTarget? Target { get; private set; }
    public string? AuthorName { get; private set; }
    public string? HeldBy { get; private set; }
    public bool HeldByMe { get; private set; }
    public IReadOnlyList<FlagRow> Flags { get; private set; } = [];
    public IReadOnlyList<HistoryRow> History { get; private set; } = [];
    public IReadOnlyList<ContextRow> Context { get; private set; } = [];
    public bool CanSanction { get; private set; }

    /// <summary>
    /// A refused decision, reply or sanction: shown on the page as it was, with what the moderator
    /// typed still in its box (a redirect would lose it).
    /// </summary>
    public string? Refused { get; private set; }
    public string? TypedReason { get; private set; }
    public string? TypedEditedText { get; private set; }
    public string? TypedReply { get; private set; }
    public string? TypedSanctionReason { get; private set; }

    /// <summary>For crisis and medical items on a post: a kind reply with the author's own lines, ready to edit and send.</summary>
    public string? SuggestedReply { get; private set; }
    public (SanctionKind Kind, TimeSpan? Duration) Suggestion { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public sealed record FlagRow(string Flagger, FlagReason Reason, string? Note, string Snapshot, DateTimeOffset At, double Weight, int Agreed, int Disagreed);

    public sealed record HistoryRow(DateTimeOffset At, string What, string? Reason);

    public sealed record ContextRow(int Number, string Author, string Text, bool IsTarget);

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }
        if (Item.FirstOpenedAt is null)
        {
            Item.FirstOpenedAt = clock.GetUtcNow();
            await db.SaveChangesAsync();
        }
        await LoadDetailsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostClaimAsync(long id) => await ActAsync(id, scope => reviews.ClaimAsync(Item, scope));

    public async Task<IActionResult> OnPostReleaseAsync(long id) => await ActAsync(id, async scope =>
    {
        await reviews.ReleaseAsync(Item, scope);
        return null;
    });

    public async Task<IActionResult> OnPostDecideAsync(long id, ReviewDecision decision, ContentState removal, string? reason, string? editedText)
    {
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }
        if (await reviews.DecideAsync(Item, _scope.UserId, decision, removal, reason, editedText) is { } error)
        {
            (TypedReason, TypedEditedText) = (reason, editedText);
            return await RefusedAsync(error);
        }
        StatusMessage = "Done.";
        return Redirect("/moderation");
    }

    private async Task<IActionResult> RefusedAsync(string error)
    {
        Refused = "Error: " + error;
        await LoadDetailsAsync();
        return Page();
    }

    /// <summary>Replies in the thread (or the chat room), as the moderator, to the post or message under review (crisis and medical items).</summary>
    public async Task<IActionResult> OnPostReplyAsync(long id, string? reply)
    {
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }
        if (Item.TargetType == ModerationTargets.ChatMessage)
        {
            return await ReplyInChatAsync(id, reply);
        }
        if (Item.TargetType != ModerationTargets.Post || await db.Posts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == int.Parse(Item.TargetId, CultureInfo.InvariantCulture)) is not { } post)
        {
            return NotFound();
        }
        var thread = await db.Threads.AsNoTracking().SingleAsync(t => t.Id == post.ThreadId);
        var standing = await access.ForGroupIdAsync(thread.GroupId);
        // Read with the item (LoadAsync), not again.
        var scope = _scope;
        TypedReply = reply;
        if (standing is null || !standing.CanWrite)
        {
            return await RefusedAsync("you can't post in this group.");
        }
        // A moderator's supportive reply is not held or screened: it is staff speaking.
        var result = await forum.ReplyAsync(standing, thread, reply, Guid.NewGuid(), post.Id, trusted: true);
        if (!result.Succeeded)
        {
            return await RefusedAsync(string.Join(" ", result.Errors.Values));
        }
        await audit.AppendAsync(new AuditLog.Entry(scope.UserId, "review.reply", ModerationTargets.Post, Item.TargetId, thread.GroupId,
            "Supportive reply posted as #" + result.Post!.Number.ToString(CultureInfo.InvariantCulture)));
        StatusMessage = "Your reply is posted.";
        return Redirect($"/moderation/items/{id}");
    }

    private async Task<IActionResult> ReplyInChatAsync(long id, string? reply)
    {
        var message = await db.ChatMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == long.Parse(Item.TargetId, CultureInfo.InvariantCulture));
        if (message is null)
        {
            return NotFound();
        }
        var scope = _scope;
        // Staff speaking: acknowledged up front, so the crisis lines in the reply do not stop it.
        var result = await chat.SendAsync(message.RoomId, Guid.NewGuid(), reply, crisisAcknowledged: true);
        if (result.Status != Chat.ChatSendStatus.Sent)
        {
            TypedReply = reply;
            return await RefusedAsync(result.Error ?? "the reply could not be sent.");
        }
        await audit.AppendAsync(new AuditLog.Entry(scope.UserId, "review.reply", ModerationTargets.ChatMessage, Item.TargetId, Item.GroupId,
            "Supportive reply sent in the chat room as message " + result.Message!.Id.ToString(CultureInfo.InvariantCulture)));
        StatusMessage = "Your reply is in the chat room.";
        return Redirect($"/moderation/items/{id}");
    }

    public static string SupportiveReply(string name, CrisisResources lines, bool medical)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var crisisLines = string.Join("\n", lines.Lines.Where(l => l.Kind == "crisis").Take(2).Select(l => $"- {l.Name}: {l.Display}"));
        var emergency = lines.Emergency is { } e ? $"In an emergency, call {e.Display}." : lines.EmergencyText + ".";
        var where = crisisLines.Length > 0 ? crisisLines : $"- {lines.International.Name}: {lines.International.Url}";
        return medical
            ? $"Hi {name}, thank you for telling us. What you describe may need urgent medical help: please call your emergency number or get to urgent care now. {emergency}\n\nPlease don't stop, skip or change your benzodiazepine dose suddenly, and if you've run out, tell a doctor or pharmacist today.\n\nIf it all feels too much, you can also talk to someone any hour:\n{where}\n\nWe're here with you."
            : $"Hi {name}, thank you for telling us how you're feeling. You're not alone here, and you deserve support right now.\n\nIf you might act on these thoughts, please reach out to someone now, any hour:\n{where}\n\n{emergency}\n\nWe're here with you, and we'd like to hear how you're doing.";
    }

    /// <summary>The longest timed sanction, five years: the form offers far less; a tampered number is held to it rather than overflowing.</summary>
    private const int MaxSanctionHours = 5 * 365 * 24;

    /// <summary>Warn, silence, suspend or ban the author: site moderators only (sanctions are site-wide).</summary>
    public async Task<IActionResult> OnPostSanctionAsync(long id, SanctionKind kind, int? hours, string? reason)
    {
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }
        var scope = _scope;
        if (!scope.IsSiteModerator || Item.AuthorId is null)
        {
            return Forbid();
        }
        if (await sanctions.ApplyAsync(scope.UserId, Item.AuthorId, kind, hours is > 0 ? TimeSpan.FromHours(Math.Min(hours.Value, MaxSanctionHours)) : null, reason, Item.Id) is { } error)
        {
            TypedSanctionReason = reason;
            return await RefusedAsync(error);
        }
        StatusMessage = $"{kind} recorded; the member has been told why.";
        return Redirect($"/moderation/items/{id}");
    }

    private async Task<IActionResult> ActAsync(long id, Func<string, Task<string?>> action)
    {
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }
        var error = await action(_scope.UserId);
        StatusMessage = error is null ? "Done." : "Error: " + error;
        return Redirect($"/moderation/items/{id}");
    }

    private ModeratorScope.Scope _scope = null!;

    /// <summary>A group moderator sees the author's history in their own groups only; the site's moderators see all of it.</summary>
    public bool HistoryInOwnGroupsOnly => !_scope.IsSiteModerator;

    private async Task<IActionResult?> LoadAsync(long id)
    {
        if (await scopes.GetAsync() is not { Any: true } scope)
        {
            return Forbid();
        }
        var item = await db.ReviewItems.SingleOrDefaultAsync(i => i.Id == id);
        if (item is null || !scope.Covers(item))
        {
            return NotFound();
        }
        Item = item;
        _scope = scope;
        HeldByMe = item.ClaimedById == scope.UserId && item.ClaimExpiresAt > clock.GetUtcNow();
        CanSanction = scope.IsSiteModerator && item.AuthorId is not null && item.AuthorId != scope.UserId;
        return null;
    }

    private async Task LoadDetailsAsync()
    {
        Target = await targets.LoadAsync(Item.TargetType, Item.TargetId);
        if (Item.Lane is ReviewLane.Crisis or ReviewLane.Medical && Item.TargetType is ModerationTargets.Post or ModerationTargets.ChatMessage && Item.AuthorId is { } authorId)
        {
            var writer = await db.Users.AsNoTracking().Where(u => u.Id == authorId).Select(u => new { u.DisplayName, u.CountryCode }).SingleOrDefaultAsync();
            if (writer is not null)
            {
                SuggestedReply = SupportiveReply(writer.DisplayName, directory.For(writer.CountryCode), Item.Lane == ReviewLane.Medical);
            }
        }
        if (CanSanction)
        {
            Suggestion = await sanctions.SuggestAsync(Item.AuthorId!);
        }
        AuthorName = await db.Users.Where(u => u.Id == Item.AuthorId).Select(u => u.DisplayName).FirstOrDefaultAsync();
        if (Item.ClaimExpiresAt > clock.GetUtcNow())
        {
            HeldBy = await db.Users.Where(u => u.Id == Item.ClaimedById).Select(u => u.DisplayName).FirstOrDefaultAsync();
        }

        var rows = await db.Flags.AsNoTracking().Where(f => f.ReviewItemId == Item.Id).OrderBy(f => f.At)
            .Select(f => new { f, Name = db.Users.Where(u => u.Id == f.FlaggerId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync();
        var flagRows = new List<FlagRow>();
        foreach (var row in rows)
        {
            var (agreed, disagreed) = await flags.TrackRecordAsync(row.f.FlaggerId);
            flagRows.Add(new FlagRow(row.Name ?? "a former member", row.f.Reason, row.f.Note, row.f.Snapshot, row.f.At, row.f.Weight, agreed, disagreed));
        }
        Flags = flagRows;

        // The author's last six months: decisions on their content, and actions on their account.
        var since = clock.GetUtcNow().AddMonths(-6);
        if (Item.AuthorId is { } author)
        {
            // What happened in another group (a members-only one, perhaps) or to the account itself
            // (sanctions, e-mail reveals) is not a group moderator's to read.
            var site = _scope.IsSiteModerator;
            var groups = _scope.GroupIds.ToList();
            var decisions = await db.ReviewItems.AsNoTracking()
                .Where(i => i.AuthorId == author && i.Status == ReviewStatus.Resolved && i.ResolvedAt > since && i.Id != Item.Id)
                .Where(i => site || (i.GroupId != null && groups.Contains(i.GroupId.Value)))
                .Select(i => new HistoryRow(i.ResolvedAt!.Value, i.Decision + " on " + i.TargetType, i.DecisionReason)).ToListAsync();
            var actions = await db.ModerationActions.AsNoTracking()
                .Where(a => a.TargetType == ModerationTargets.Profile && a.TargetId == author && a.At > since)
                .Where(a => site || (a.GroupId != null && groups.Contains(a.GroupId.Value)))
                .Select(a => new HistoryRow(a.At, a.Action, a.Reason)).ToListAsync();
            History = decisions.Concat(actions).OrderByDescending(h => h.At).ToList();
        }

        if (Item.TargetType == ModerationTargets.Post && int.TryParse(Item.TargetId, NumberStyles.None, CultureInfo.InvariantCulture, out var postId))
        {
            var post = await db.Posts.AsNoTracking().Where(p => p.Id == postId).Select(p => new { p.ThreadId, p.Number }).SingleOrDefaultAsync();
            if (post is not null)
            {
                Context = await db.Posts.AsNoTracking()
                    .Where(p => p.ThreadId == post.ThreadId && p.Number >= post.Number - 2 && p.Number <= post.Number + 2)
                    .OrderBy(p => p.Number)
                    .Select(p => new ContextRow(p.Number, db.Users.Where(u => u.Id == p.AuthorId).Select(u => u.DisplayName).FirstOrDefault() ?? "a former member", p.PlainText, p.Id == postId))
                    .ToListAsync();
            }
        }
    }
}
