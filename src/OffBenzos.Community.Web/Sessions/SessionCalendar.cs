using System.Globalization;
using System.Text;

namespace OffBenzos.Community.Web.Sessions;

/// <summary>An iCalendar (RFC 5545) file for one session, so it lands in the member's own calendar.</summary>
public static class SessionCalendar
{
    public static string Ics(LiveSession session, string groupName, string hostName, Uri pageUrl, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(pageUrl);
        var description = $"Live session in {groupName}, hosted by {hostName}.\n\n{session.Description}\n\nJoin: {pageUrl}";
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//OffBenzos Community//Live sessions//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "BEGIN:VEVENT",
            $"UID:session-{session.Id.ToString(CultureInfo.InvariantCulture)}@{pageUrl.Host}",
            "DTSTAMP:" + Utc(now),
            "DTSTART:" + Utc(session.StartsAt),
            "DTEND:" + Utc(session.EndsAt),
            "SUMMARY:" + Escape(session.Title),
            "DESCRIPTION:" + Escape(description),
            "URL:" + pageUrl,
            session.Status == LiveSessionStatus.Cancelled ? "STATUS:CANCELLED" : "STATUS:CONFIRMED",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            "DESCRIPTION:" + Escape(session.Title),
            "TRIGGER:-PT15M",
            "END:VALARM",
            "END:VEVENT",
            "END:VCALENDAR",
        };
        var builder = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(builder, line);
        }
        return builder.ToString();
    }

    private static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>TEXT values escape backslash, semicolon, comma and line breaks.</summary>
    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal)
            .ReplaceLineEndings("\\n");

    /// <summary>Lines longer than 75 octets continue on the next line after CRLF and a space, never inside a UTF-8 character.</summary>
    private static void Fold(StringBuilder builder, string line)
    {
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                builder.Append("\r\n ");
                octets = 0;
                limit = 74;
            }
            builder.Append(rune.ToString());
            octets += size;
        }
        builder.Append("\r\n");
    }
}
