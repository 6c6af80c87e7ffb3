using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Moderation;

namespace OffBenzos.Community.Web.Pages.Moderation;

/// <summary>The queue by lane, time from flag to decision, and decisions per day (a server-drawn SVG chart).</summary>
public sealed class DashboardModel(CommunityDb db, ModeratorScope scopes, ModeratorDuty duty, TimeProvider clock) : PageModel
{
    public IReadOnlyDictionary<ReviewLane, int> Waiting { get; private set; } = new Dictionary<ReviewLane, int>();
    public TimeSpan? Median7 { get; private set; }
    public TimeSpan? Median30 { get; private set; }
    public IReadOnlyList<(DateOnly Day, int Count)> PerDay { get; private set; } = [];
    public int Unattended { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await scopes.GetAsync() is not { Any: true } scope)
        {
            return Forbid();
        }
        var items = ModeratorScope.Filter(db.ReviewItems.AsNoTracking(), scope);
        Waiting = (await items.Where(i => i.Status == ReviewStatus.Open).GroupBy(i => i.Lane).Select(g => new { g.Key, Count = g.Count() }).ToListAsync())
            .ToDictionary(x => x.Key, x => x.Count);
        Unattended = await ModeratorScope.Filter(duty.Unattended(), scope).CountAsync();
        var now = clock.GetUtcNow();
        var since = now.AddDays(-30);
        var resolved = await items.Where(i => i.Status == ReviewStatus.Resolved && i.ResolvedAt >= since)
            .Select(i => new { i.CreatedAt, ResolvedAt = i.ResolvedAt!.Value }).ToListAsync();
        Median7 = Median(resolved.Where(r => r.ResolvedAt >= now.AddDays(-7)).Select(r => r.ResolvedAt - r.CreatedAt));
        Median30 = Median(resolved.Select(r => r.ResolvedAt - r.CreatedAt));
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        PerDay = Enumerable.Range(0, 30).Select(back => today.AddDays(back - 29))
            .Select(day => (day, resolved.Count(r => DateOnly.FromDateTime(r.ResolvedAt.UtcDateTime) == day))).ToList();
        return Page();
    }

    private static TimeSpan? Median(IEnumerable<TimeSpan> spans)
    {
        var sorted = spans.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    public static string Describe(TimeSpan? span) => span switch
    {
        null => "no decisions yet",
        { TotalMinutes: < 60 } s => $"{s.TotalMinutes:0} minutes",
        { TotalHours: < 48 } s => $"{s.TotalHours:0.0} hours",
        { } s => $"{s.TotalDays:0.0} days",
    };

    /// <summary>A bar chart drawn here, as SVG: nothing is loaded from anywhere else, and it reads without script.</summary>
    public string ChartSvg()
    {
        const int width = 600, height = 160, barGap = 2;
        var max = Math.Max(1, PerDay.Max(d => d.Count));
        var barWidth = (width / PerDay.Count) - barGap;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {width} {height + 20}\" role=\"img\" aria-labelledby=\"chart-title\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append("<title id=\"chart-title\">Decisions per day over the last 30 days</title>");
        for (var i = 0; i < PerDay.Count; i++)
        {
            var (day, count) = PerDay[i];
            var barHeight = (int)Math.Round((double)count / max * height);
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{i * (barWidth + barGap)}\" y=\"{height - barHeight}\" width=\"{barWidth}\" height=\"{barHeight}\" class=\"bar\"><title>{day:d MMM}: {count}</title></rect>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{height + 16}\" class=\"axis\">{PerDay[0].Day:d MMM}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{width}\" y=\"{height + 16}\" text-anchor=\"end\" class=\"axis\">{PerDay[^1].Day:d MMM} (max {max})</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }
}
