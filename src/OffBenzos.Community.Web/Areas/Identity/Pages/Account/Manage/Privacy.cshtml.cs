using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Privacy;

namespace OffBenzos.Community.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>The member's own data: download it all, see recent sign-ins, and the way to delete the account.</summary>
public sealed class PrivacyModel(UserManager<CommunityUser> users, CommunityDb db, DataExportService exports, Microsoft.Extensions.Options.IOptions<PrivacyOptions> options, TimeProvider clock) : PageModel
{
    public sealed record ExportRow(Guid Id, DataExportStatus Status, int Progress, DateTimeOffset RequestedAt, DateTimeOffset? ExpiresAt, long? Size);

    public ExportRow? Export { get; private set; }
    public IReadOnlyList<SignInRecord> SignIns { get; private set; } = [];
    public string? ConsentVersion { get; private set; }
    public DateTimeOffset? ConsentGivenAt { get; private set; }
    public string? Error { get; private set; }
    public int GraceDays => options.Value.DeletionGraceDays;

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostExportAsync(string? passphrase)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        var (_, error) = await exports.RequestAsync(user, passphrase);
        if (error is not null)
        {
            Error = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync() ?? Page();
        }
        StatusMessage = "We're preparing your data. This page shows how far along it is; we'll also tell you in your notifications when it's ready.";
        return RedirectToPage();
    }

    /// <summary>For the progress bar: the state of the member's own export, as JSON.</summary>
    public async Task<IActionResult> OnGetExportStatusAsync(Guid id)
    {
        var me = users.GetUserId(User);
        var export = await db.DataExports.AsNoTracking().Where(e => e.Id == id && e.UserId == me)
            .Select(e => new { status = e.Status.ToString(), progress = e.Progress }).SingleOrDefaultAsync();
        return export is null ? NotFound() : new JsonResult(export);
    }

    public async Task<IActionResult> OnGetDownloadAsync(Guid id)
    {
        var me = users.GetUserId(User);
        var now = clock.GetUtcNow();
        // Only its owner, only while it lasts.
        var export = await db.DataExports.AsNoTracking()
            .Where(e => e.Id == id && e.UserId == me && e.Status == DataExportStatus.Ready && e.ExpiresAt > now)
            .Select(e => new { e.Content, e.ReadyAt }).SingleOrDefaultAsync();
        if (export?.Content is null)
        {
            return NotFound();
        }
        Response.Headers.CacheControl = "no-store";
        return File(export.Content, "application/zip", $"offbenzos-my-data-{export.ReadyAt:yyyy-MM-dd}.zip");
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var me = users.GetUserId(User);
        if (me is null)
        {
            return Challenge();
        }
        var now = clock.GetUtcNow();
        Export = await db.DataExports.AsNoTracking().Where(e => e.UserId == me && (e.ExpiresAt == null || e.ExpiresAt > now))
            .OrderByDescending(e => e.RequestedAt)
            .Select(e => new ExportRow(e.Id, e.Status, e.Progress, e.RequestedAt, e.ExpiresAt, e.Size)).FirstOrDefaultAsync();
        SignIns = await db.SignInRecords.AsNoTracking().Where(s => s.UserId == me).OrderByDescending(s => s.At).Take(20).ToListAsync();
        var consent = await db.ConsentRecords.AsNoTracking().Where(c => c.UserId == me && c.Kind == ConsentKinds.HealthData)
            .OrderByDescending(c => c.GivenAt).FirstOrDefaultAsync();
        (ConsentVersion, ConsentGivenAt) = (consent?.Version, consent?.GivenAt);
        return null;
    }
}
