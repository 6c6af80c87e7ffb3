using System.Globalization;
using OffBenzos.Community.Web.Accounts;

namespace OffBenzos.Community.Web.Web;

/// <summary>Times as a member reads them: "5 minutes ago", or a date in their own time zone.</summary>
public static class TimeText
{
    public static string Ago(DateTimeOffset time, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var age = now - time;
        return age switch
        {
            { TotalMinutes: < 1 } => "just now",
            { TotalMinutes: < 2 } => "a minute ago",
            { TotalHours: < 1 } => $"{(int)age.TotalMinutes} minutes ago",
            { TotalHours: < 2 } => "an hour ago",
            { TotalDays: < 1 } => $"{(int)age.TotalHours} hours ago",
            { TotalDays: < 2 } => "yesterday",
            { TotalDays: < 7 } => $"{(int)age.TotalDays} days ago",
            _ => Date(time, context),
        };
    }

    public static string Date(DateTimeOffset time, HttpContext context) =>
        InZone(time, context).ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset time, HttpContext context)
    {
        var local = InZone(time, context);
        var zone = ZoneOf(context) is null ? " UTC" : "";
        return local.ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture) + zone;
    }

    /// <summary>The time zone times are shown in: the member's own, or UTC.</summary>
    public static string ZoneName(HttpContext context) => ZoneOf(context)?.Id ?? "UTC";

    public static bool HasZone(HttpContext context) => ZoneOf(context) is not null;

    /// <summary>
    /// The ISO form for &lt;time datetime&gt; (which assistive technology can read) and for scripts, in UTC
    /// to the millisecond: "2026-11-28T09:15:00.000Z". UTC's "Z" rather than an offset, because a "+"
    /// is written into HTML as "&amp;#x2B;" (on every post's time), and browsers keep milliseconds at most.
    /// </summary>
    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset InZone(DateTimeOffset time, HttpContext context) =>
        ZoneOf(context) is { } zone ? TimeZoneInfo.ConvertTime(time, zone) : time;

    private static TimeZoneInfo? ZoneOf(HttpContext context)
    {
        var id = context.User.FindFirst(CommunityClaims.TimeZone)?.Value;
        return id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
    }
}
