using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Moderation;

namespace OffBenzos.Community.Web.Pages.Admin;

/// <summary>Admins keep the watched words; each change is audited, and a test box shows what a text would trigger.</summary>
public sealed class WatchedWordsModel(CommunityDb db, WatchedWords watched, AuditLog audit, UserManager<CommunityUser> users, TimeProvider clock) : PageModel
{
    public IReadOnlyList<WatchedWord> Rules { get; private set; } = [];
    public IReadOnlyList<WatchedWords.Match>? TestMatches { get; private set; }

    [BindProperty]
    public string Pattern { get; set; } = "";

    [BindProperty]
    public WatchedPatternKind Kind { get; set; }

    [BindProperty]
    public WatchedAction Action { get; set; } = WatchedAction.Flag;

    [BindProperty]
    public string Explanation { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? Sample { get; set; }

    public string? Error { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        if (!string.IsNullOrEmpty(Sample))
        {
            TestMatches = await watched.CheckAsync(Sample[..Math.Min(Sample.Length, 20_000)]);
        }
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        // An empty field binds as null: it gets the validation's message, not an error page.
        Pattern = (Pattern ?? "").Trim();
        Explanation = (Explanation ?? "").Trim();
        Error = WatchedWords.Validate(Pattern, Kind)
            ?? (!Enum.IsDefined(Kind) || !Enum.IsDefined(Action) ? "Please choose a kind and an action." : null)
            ?? (Explanation.Length is 0 or > 300 ? "Please write the explanation members will see (up to 300 characters)." : null);
        if (Error is not null)
        {
            await LoadAsync();
            return Page();
        }
        var rule = new WatchedWord { Pattern = Pattern, Kind = Kind, Action = Action, Explanation = Explanation, CreatedAt = clock.GetUtcNow() };
        db.WatchedWords.Add(rule);
        await db.SaveChangesAsync();
        await audit.AppendAsync(new AuditLog.Entry(users.GetUserId(User)!, "watched-word.add", "watched-word",
            rule.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Reason: $"{Kind} “{Pattern}” → {Action}"));
        StatusMessage = "Added.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id)
    {
        var rule = await db.WatchedWords.SingleOrDefaultAsync(w => w.Id == id);
        if (rule is null)
        {
            return NotFound();
        }
        db.WatchedWords.Remove(rule);
        await audit.AppendAsync(new AuditLog.Entry(users.GetUserId(User)!, "watched-word.remove", "watched-word",
            id.ToString(System.Globalization.CultureInfo.InvariantCulture), ContentBefore: $"{rule.Kind} “{rule.Pattern}” → {rule.Action}: {rule.Explanation}"));
        StatusMessage = "Removed.";
        return RedirectToPage();
    }

    private async Task LoadAsync() =>
        Rules = await db.WatchedWords.AsNoTracking().OrderBy(w => w.Action).ThenBy(w => w.Pattern).ToListAsync();
}
