using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Crisis;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Moderation;

namespace OffBenzos.Community.Web.Pages.Admin;

/// <summary>Admins keep the crisis lines per country: every change is checked, audited, and on the banner at once.</summary>
public sealed partial class CrisisLinesModel(CommunityDb db, CrisisLineStore store, AuditLog audit, UserManager<CommunityUser> users, TimeProvider clock) : PageModel
{
    public static readonly IReadOnlyList<string> Kinds = ["crisis", "support", "youth", "treatment-referral", "poisoning", "urgent-care"];

    public IReadOnlyList<CrisisLineRecord> Lines { get; private set; } = [];
    public IReadOnlyDictionary<string, CrisisEmergencyRecord> Emergencies { get; private set; } = new Dictionary<string, CrisisEmergencyRecord>();

    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public CrisisLineRecord Input { get; set; } = new() { CountryCode = "", Name = "", Display = "", Hours = "24/7", Kind = "crisis", Source = "" };

    public List<string> Errors { get; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        if (Id is { } id)
        {
            var line = Lines.SingleOrDefault(l => l.Id == id);
            if (line is null)
            {
                return NotFound();
            }
            Input = line;
        }
        else
        {
            Input.Checked = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        Validate(Input);
        if (Errors.Count > 0)
        {
            await LoadAsync();
            return Page();
        }
        var actor = users.GetUserId(User)!;
        var line = Id is { } id ? await db.CrisisLines.SingleOrDefaultAsync(l => l.Id == id) : null;
        if (Id is not null && line is null)
        {
            return NotFound();
        }
        var before = line is null ? null : Describe(line);
        if (line is null)
        {
            line = new CrisisLineRecord { CountryCode = "", Name = "", Display = "", Hours = "", Kind = "", Source = "" };
            var country = Input.CountryCode.ToUpperInvariant();
            line.Position = await db.CrisisLines.Where(l => l.CountryCode == country).Select(l => (int?)l.Position).MaxAsync() + 1 ?? 0;
            db.CrisisLines.Add(line);
        }
        (line.CountryCode, line.Name, line.Display, line.Tel, line.Sms, line.Url, line.Hours, line.Kind, line.Notes, line.Source, line.Checked) =
            (Input.CountryCode.ToUpperInvariant(), Input.Name.Trim(), Input.Display.Trim(), Blank(Input.Tel), Blank(Input.Sms), Blank(Input.Url),
             Input.Hours.Trim(), Input.Kind, Blank(Input.Notes), Input.Source.Trim(), Input.Checked);
        await db.SaveChangesAsync();
        await audit.AppendAsync(new AuditLog.Entry(actor, before is null ? "crisis-line.add" : "crisis-line.edit", "crisis-line",
            line.Id.ToString(CultureInfo.InvariantCulture), Reason: Describe(line), ContentBefore: before));
        await store.LoadAsync();
        StatusMessage = $"Saved {line.Name} ({line.CountryCode}). The banner shows it now.";
        return Redirect("/admin/crisis-lines");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int lineId)
    {
        var line = await db.CrisisLines.SingleOrDefaultAsync(l => l.Id == lineId);
        if (line is null)
        {
            return NotFound();
        }
        db.CrisisLines.Remove(line);
        await audit.AppendAsync(new AuditLog.Entry(users.GetUserId(User)!, "crisis-line.remove", "crisis-line",
            lineId.ToString(CultureInfo.InvariantCulture), ContentBefore: Describe(line)));
        await store.LoadAsync();
        StatusMessage = $"Removed {line.Name} ({line.CountryCode}).";
        return Redirect("/admin/crisis-lines");
    }

    public async Task<IActionResult> OnPostEmergencyAsync(string country, string display, string tel)
    {
        country = (country ?? "").Trim().ToUpperInvariant();
        if (!CountryNames.IsKnown(country) || string.IsNullOrWhiteSpace(display) || display.Length > 60 || !TelPattern().IsMatch(tel ?? ""))
        {
            StatusMessage = "Error: please give a country, the number as people write it, and a tel: link such as tel:112.";
            return Redirect("/admin/crisis-lines");
        }
        var record = await db.CrisisEmergencyNumbers.SingleOrDefaultAsync(e => e.CountryCode == country);
        var before = record is null ? null : $"{record.Display} ({record.Tel})";
        if (record is null)
        {
            record = new CrisisEmergencyRecord { CountryCode = country, Display = "", Tel = "" };
            db.CrisisEmergencyNumbers.Add(record);
        }
        (record.Display, record.Tel) = (display.Trim(), tel!.Trim());
        await db.SaveChangesAsync();
        await audit.AppendAsync(new AuditLog.Entry(users.GetUserId(User)!, "crisis-emergency.edit", "crisis-line", country,
            Reason: $"{record.Display} ({record.Tel})", ContentBefore: before));
        await store.LoadAsync();
        StatusMessage = $"Saved the emergency number for {country}.";
        return Redirect("/admin/crisis-lines");
    }

    private void Validate(CrisisLineRecord line)
    {
        if (!CountryNames.IsKnown(line.CountryCode))
        {
            Errors.Add("Please choose a country.");
        }
        else if (Id is null && !db.CrisisEmergencyNumbers.Any(e => e.CountryCode == line.CountryCode))
        {
            Errors.Add("Please add the country's emergency number first (below), so its banner is never without one.");
        }
        if (string.IsNullOrWhiteSpace(line.Name) || line.Name.Length > 120) Errors.Add("Please give the line's name (up to 120 characters).");
        if (string.IsNullOrWhiteSpace(line.Display) || line.Display.Length > 120) Errors.Add("Please give what to dial or text, as people write it (up to 120 characters).");
        if (Blank(line.Tel) is null && Blank(line.Sms) is null && Blank(line.Url) is null) Errors.Add("Please give at least one of: a tel: link, an sms: link, a web address.");
        if (Blank(line.Tel) is { } tel && !TelPattern().IsMatch(tel)) Errors.Add("The call link must look like tel:116123 or tel:+18006624357 (digits only).");
        if (Blank(line.Sms) is { } sms && !SmsPattern().IsMatch(sms)) Errors.Add("The text link must look like sms:85258 or sms:85258?body=SHOUT.");
        if (Blank(line.Url) is { } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps)) Errors.Add("The web address must start with https://.");
        if (string.IsNullOrWhiteSpace(line.Hours) || line.Hours.Length > 120) Errors.Add("Please give the hours (for example 24/7).");
        if (!Kinds.Contains(line.Kind)) Errors.Add("Please choose a kind.");
        if (string.IsNullOrWhiteSpace(line.Source) || line.Source.Length > 300) Errors.Add("Please say where this was checked (the operator's page), up to 300 characters.");
        if (line.Checked > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) || line.Checked.Year < 2000) Errors.Add("Please give the date you checked it (not in the future).");
        if ((line.Notes?.Length ?? 0) > 300) Errors.Add("Please keep notes under 300 characters.");
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Describe(CrisisLineRecord l) =>
        $"{l.CountryCode} {l.Name}: {l.Display} [{l.Tel} {l.Sms} {l.Url}] {l.Hours}, {l.Kind}; source {l.Source}, checked {l.Checked:yyyy-MM-dd}";

    private async Task LoadAsync()
    {
        Lines = await db.CrisisLines.AsNoTracking().OrderBy(l => l.CountryCode).ThenBy(l => l.Position).ToListAsync();
        Emergencies = await db.CrisisEmergencyNumbers.AsNoTracking().ToDictionaryAsync(e => e.CountryCode);
    }

    [GeneratedRegex(@"^tel:\+?[0-9]{2,15}$")]
    private static partial Regex TelPattern();

    [GeneratedRegex(@"^sms:\+?[0-9]{2,15}(\?body=[A-Za-z0-9]{1,20})?$")]
    private static partial Regex SmsPattern();
}
