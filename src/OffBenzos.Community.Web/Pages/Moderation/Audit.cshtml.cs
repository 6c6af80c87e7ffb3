using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Authorization;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Moderation;

namespace OffBenzos.Community.Web.Pages.Moderation;

/// <summary>The audit log, searchable by moderator, member, action and date; admins can check the hash chain.</summary>
[Authorize(Policy = Policies.Moderator)]
public sealed class AuditModel(CommunityDb db, AuditLog audit, CurrentAccount current) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Moderator { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Member { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public sealed record Row(long Sequence, DateTimeOffset At, string Actor, string Action, string TargetType, string Target, string? Reason, string? ContentBefore);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public bool IsAdmin { get; private set; }
    public AuditLog.Verification? Check { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostVerifyAsync()
    {
        if (!await IsAdminAsync())
        {
            return Forbid();
        }
        Check = await audit.VerifyAsync(HttpContext.RequestAborted);
        await LoadAsync();
        return Page();
    }

    private async Task<bool> IsAdminAsync() => (await current.GetAsync())?.Roles.Contains(SiteRoles.Admin) == true;

    private async Task LoadAsync()
    {
        IsAdmin = await IsAdminAsync();
        var query = db.ModerationActions.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Moderator))
        {
            var key = DisplayNames.Key(Moderator.Trim());
            var ids = await db.Users.Where(u => u.DisplayNameKey.Contains(key)).Select(u => u.Id).ToListAsync();
            query = query.Where(a => ids.Contains(a.ActorId));
        }
        if (!string.IsNullOrWhiteSpace(Member))
        {
            // A member's own account, and everything they wrote that was acted on.
            var key = DisplayNames.Key(Member.Trim());
            var ids = await db.Users.Where(u => u.DisplayNameKey.Contains(key)).Select(u => u.Id).ToListAsync();
            var targets = await db.ReviewItems.Where(i => i.AuthorId != null && ids.Contains(i.AuthorId)).Select(i => i.TargetType + ":" + i.TargetId).ToListAsync();
            query = query.Where(a => (a.TargetType == ModerationTargets.Profile && ids.Contains(a.TargetId)) || targets.Contains(a.TargetType + ":" + a.TargetId));
        }
        if (!string.IsNullOrWhiteSpace(Action))
        {
            var action = Action.Trim();
            query = query.Where(a => a.Action.StartsWith(action));
        }
        if (From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(a => a.At >= start);
        }
        if (To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(a => a.At < end);
        }
        Total = await query.CountAsync();
        PageNumber = Math.Max(1, PageNumber);
        var rows = await query.OrderByDescending(a => a.Sequence).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync();
        var people = rows.Select(r => r.ActorId).Concat(rows.Where(r => r.TargetType == ModerationTargets.Profile).Select(r => r.TargetId)).Distinct().ToList();
        var names = await db.Users.Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        Rows = rows.Select(r => new Row(r.Sequence, r.At, names.GetValueOrDefault(r.ActorId) ?? "a former member", r.Action, r.TargetType,
            r.TargetType == ModerationTargets.Profile ? names.GetValueOrDefault(r.TargetId) ?? "a former member" : r.TargetId, r.Reason, r.ContentBefore)).ToList();
    }

    public string PageLink(int page) =>
        $"/moderation/audit?moderator={Uri.EscapeDataString(Moderator ?? "")}&member={Uri.EscapeDataString(Member ?? "")}&action={Uri.EscapeDataString(Action ?? "")}&from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}&p={page}";
}
