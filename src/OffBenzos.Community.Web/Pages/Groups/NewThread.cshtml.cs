using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OffBenzos.Community.Web.Forum;
using OffBenzos.Community.Web.Groups;
using OffBenzos.Community.Web.Web;

namespace OffBenzos.Community.Web.Pages.Groups;

/// <summary>Start a thread: a title and the first post.</summary>
[IgnoreAntiforgeryToken]
[ComposerAntiforgery]
public sealed class NewThreadModel(GroupAccess access, ForumService forum, ComposerRescue rescue) : PageModel
{
    public GroupAccess.Standing Standing { get; private set; } = null!;

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Body { get; set; }

    [BindProperty]
    public Guid RequestId { get; set; }

    /// <summary>The member saw the crisis support and chose to post.</summary>
    [BindProperty]
    public bool CrisisAcknowledged { get; set; }

    public global::OffBenzos.Community.Web.Crisis.CrisisAssessment? CrisisCheck { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public string? TitleError { get; private set; }
    public string? BodyError { get; private set; }
    public string? PreviewHtml { get; private set; }
    public string? DraftSavedAt { get; private set; }
    public bool Rescued { get; private set; }

    public ComposerModel Composer => new(ForumService.DraftKeyForThread(Standing.Group.Id), Standing.Group.Id, "Your post", "Start the thread",
        Body, RequestId, null, BodyError, PreviewHtml, DraftSavedAt);

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (await LoadAsync(slug) is { } notFound)
        {
            return notFound;
        }
        if (Standing.UserId is null)
        {
            return Challenge();
        }
        RequestId = Guid.NewGuid();
        Rescued = await rescue.RestoreAsync(HttpContext, Standing.UserId, ForumService.DraftKeyForThread(Standing.Group.Id));
        if (Standing.CanWrite && await forum.GetDraftAsync(Standing.UserId!, ForumService.DraftKeyForThread(Standing.Group.Id)) is { } draft)
        {
            Title = draft.Title;
            Body = draft.Markdown;
            DraftSavedAt = TimeText.Iso(draft.UpdatedAt);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(string slug)
    {
        if (await LoadAsync(slug) is { } notFound)
        {
            return notFound;
        }
        if (Standing.UserId is null)
        {
            return Challenge();
        }
        var (rendered, error) = forum.CheckBody(Body);
        PreviewHtml = rendered?.Html;
        BodyError = error;
        TitleError = ForumService.CheckTitle(Title);
        if (Standing.CanWrite)
        {
            await forum.SaveDraftAsync(Standing.UserId!, ForumService.DraftKeyForThread(Standing.Group.Id), Title, Body);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug)
    {
        if (await LoadAsync(slug) is { } notFound)
        {
            return notFound;
        }
        if (Standing.UserId is null)
        {
            // The session ended while they wrote: keep the words, and bring them back after sign-in.
            await rescue.KeepAsync(HttpContext, ForumService.DraftKeyForThread(Standing.Group.Id), Title, Body);
            return Challenge(new AuthenticationProperties { RedirectUri = $"/groups/{slug}/new" });
        }
        if (!Standing.CanWrite)
        {
            // Nothing is lost: the page comes back with the text and says why.
            return Page();
        }
        var result = await forum.StartThreadAsync(Standing, Title, Body, RequestId == Guid.Empty ? Guid.NewGuid() : RequestId, crisisAcknowledged: CrisisAcknowledged);
        if (result.NeedsCrisisCheck)
        {
            CrisisCheck = result.Crisis;
            await forum.SaveDraftAsync(Standing.UserId!, ForumService.DraftKeyForThread(Standing.Group.Id), Title, Body);
            return Page();
        }
        if (!result.Succeeded)
        {
            TitleError = result.Errors.GetValueOrDefault("Title");
            BodyError = result.Errors.GetValueOrDefault("Body") ?? result.Errors.GetValueOrDefault(ForumService.RateLimited);
            if (result.Errors.ContainsKey(ForumService.RateLimited))
            {
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
            }
            await forum.SaveDraftAsync(Standing.UserId!, ForumService.DraftKeyForThread(Standing.Group.Id), Title, Body);
            return Page();
        }
        if (result.Held && result.Crisis.ShouldHold)
        {
            StatusMessage = ThreadModel.HeldForCareMessage;
        }
        // "sent" tells the composer script the text is safe, so it forgets its local copy.
        return Redirect($"/groups/{slug}/threads/{result.Post!.ThreadId}?page=1&sent={Uri.EscapeDataString(ForumService.DraftKeyForThread(Standing.Group.Id))}#post-{result.Post.Id}");
    }

    private async Task<IActionResult?> LoadAsync(string slug)
    {
        if (await access.ForSlugAsync(slug) is not { } standing)
        {
            return NotFound();
        }
        Standing = standing;
        return null;
    }
}
