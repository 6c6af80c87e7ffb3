using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Moderation;
using OffBenzos.Community.Web.Notifications;

namespace OffBenzos.Community.Web.Crisis;

/// <summary>
/// "I'm worried about this member": the person gets a kind private notice with their own country's
/// lines (never who sent it, at most one a day), and a moderator gets a crisis-lane review item.
/// A reporter can send only a few a day.
/// </summary>
public sealed class ConcernService(
    CommunityDb db,
    CrisisDirectory directory,
    NotificationService notifications,
    SystemReview review,
    IOptions<ConcernOptions> options,
    TimeProvider clock)
{
    public const int NoteMax = 500;

    public async Task<string?> ReportAsync(string reporterId, string personId, string? source, string? note)
    {
        if (reporterId == personId)
        {
            return "If you are struggling, please look at the crisis lines for your country: you deserve support too.";
        }
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note is { Length: > NoteMax })
        {
            return $"Please keep the note under {NoteMax} characters.";
        }
        var person = await db.Users.AsNoTracking().Where(u => u.Id == personId).Select(u => new { u.Id, u.DisplayName, u.CountryCode }).SingleOrDefaultAsync();
        if (person is null)
        {
            return "That member no longer exists.";
        }
        var now = clock.GetUtcNow();
        if (await db.ConcernReports.CountAsync(c => c.ReporterId == reporterId && c.At > now.AddDays(-1)) >= options.Value.ConcernsPerReporterPerDay)
        {
            return "You've sent several of these today. Thank you for caring. If someone is in immediate danger, please call your local emergency number.";
        }
        var recentlyTold = await db.ConcernReports.AnyAsync(c => c.PersonId == personId && c.NoticeSent && c.At > now - options.Value.NoticeInterval);
        db.ConcernReports.Add(new ConcernReport { ReporterId = reporterId, PersonId = personId, Source = source, NoticeSent = !recentlyTold, At = now });
        await db.SaveChangesAsync();

        if (!recentlyTold)
        {
            await notifications.NotifyAsync(personId, NotificationKind.Concern, "Someone is thinking of you", NoticeFor(person.CountryCode));
        }
        await review.RaiseAsync(
            new ModerationTarget(ModerationTargets.Profile, personId, null, personId, person.DisplayName, "Display name: " + person.DisplayName, "/moderation"),
            ReviewLane.Crisis,
            "A member is worried about this person" + (source is null ? "" : $" (from {source})") + (note is null ? "." : $": {note}"),
            held: false);
        return null;
    }

    /// <summary>The notice: warm, short, and the person's own lines as the first thing to act on.</summary>
    private string NoticeFor(string? countryCode)
    {
        var resources = directory.For(countryCode);
        var text = new StringBuilder("Someone in the community is thinking of you and wanted to check you're okay. You don't have to reply to anyone. If things feel too much, you can talk to someone now: ");
        var lines = resources.Lines.Where(l => l.Kind == "crisis").Take(2).Select(l => $"{l.Name}, {l.Display}").ToList();
        text.Append(lines.Count > 0 ? string.Join("; ", lines) + ". " : resources.International.Name + ". ");
        text.Append(resources.Emergency is { } emergency ? $"In an emergency call {emergency.Display}. " : resources.EmergencyText + ". ");
        text.Append("All the lines for your country are on the crisis resources page.");
        return text.ToString();
    }
}
