using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Moderation;

namespace OffBenzos.Community.Web.Pages.Moderation;

/// <summary>The review queue: crisis first, then medical, then the rest; in each, highest score first, then oldest.</summary>
public sealed class IndexModel(CommunityDb db, ModeratorScope scopes, ModeratorDuty duty, TimeProvider clock) : PageModel
{
    public sealed record Row(long Id, ReviewLane Lane, string TargetType, double Score, int Flags, string Reasons, string? ClaimedBy, DateTimeOffset CreatedAt, bool FromSystem, bool AutoHidden, string? Author);

    /// <summary>How many items the queue shows at once; deciding items brings up the next.</summary>
    public const int Shown = 200;

    public IReadOnlyList<Row> Items { get; private set; } = [];
    public IReadOnlyDictionary<ReviewLane, int> LaneCounts { get; private set; } = new Dictionary<ReviewLane, int>();
    public ModeratorScope.Scope Scope { get; private set; } = null!;
    public bool OnDuty { get; private set; }

    public async Task<IActionResult> OnPostDutyAsync(bool onDuty)
    {
        if (await scopes.GetAsync() is not { IsSiteModerator: true } scope)
        {
            return Forbid();
        }
        await duty.SetAsync(scope.UserId, onDuty);
        return Redirect("/moderation");
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await scopes.GetAsync() is not { Any: true } scope)
        {
            return Forbid();
        }
        Scope = scope;
        OnDuty = await db.Users.AnyAsync(u => u.Id == scope.UserId && u.OnDuty);
        var now = clock.GetUtcNow();
        var items = ModeratorScope.Filter(db.ReviewItems.AsNoTracking(), scope);
        // The lanes named one by one (not a list) so the database counts from the queue's index.
        LaneCounts = (await items
                .Where(i => i.Status == ReviewStatus.Open && (i.Lane == ReviewLane.Crisis || i.Lane == ReviewLane.Medical || i.Lane == ReviewLane.Standard))
                .GroupBy(i => i.Lane).Select(g => new { g.Key, Count = g.Count() }).ToListAsync())
            .ToDictionary(x => x.Key, x => x.Count);
        var open = new List<ReviewItem>();
        foreach (var lane in ReviewService.LaneOrder.Where(l => LaneCounts.GetValueOrDefault(l) > 0 && open.Count < Shown))
        {
            var room = Shown - open.Count; // a plain variable for EF (docs/architecture.md, Data)
            open.AddRange(await ReviewService.OpenInLane(items, lane).Take(room).ToListAsync());
        }
        var ids = open.Select(i => i.Id).ToList();
        var flags = await db.Flags.AsNoTracking().Where(f => ids.Contains(f.ReviewItemId)).Select(f => new { f.ReviewItemId, f.Reason }).ToListAsync();
        var people = open.SelectMany(i => new[] { i.AuthorId, i.ClaimedById }).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        Items = open.Select(i =>
        {
            var itemFlags = flags.Where(f => f.ReviewItemId == i.Id).ToList();
            return new Row(i.Id, i.Lane, i.TargetType, i.Score, itemFlags.Count,
                string.Join("; ", itemFlags.Select(f => f.Reason).Distinct().Select(FlagReasons.Describe)),
                i.ClaimExpiresAt > now && i.ClaimedById is { } holder ? names.GetValueOrDefault(holder) : null,
                i.CreatedAt, i.FromSystem, i.AutoHidden, i.AuthorId is { } author ? names.GetValueOrDefault(author) : null);
        }).ToList();
        return Page();
    }
}
