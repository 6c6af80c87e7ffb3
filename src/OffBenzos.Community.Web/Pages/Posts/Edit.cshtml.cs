using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Forum;
using OffBenzos.Community.Web.Groups;
using OffBenzos.Community.Web.Web;

namespace OffBenzos.Community.Web.Pages.Posts;

/// <summary>The author edits their own post; the earlier version is kept.</summary>
[IgnoreAntiforgeryToken]
[ComposerAntiforgery]
public sealed class EditModel(CommunityDb db, GroupAccess access, ForumService forum, ComposerRescue rescue) : PageModel
{
    public PostContext Context { get; private set; } = null!;

    [BindProperty]
    public string? Body { get; set; }

    public string? BodyError { get; private set; }
    public string? PreviewHtml { get; private set; }
    public string? DraftSavedAt { get; private set; }

    public ComposerModel Composer => new(ForumService.DraftKeyForEdit(Context.Post.Id), Context.Thread.GroupId, "Your post", "Save changes",
        Body, Guid.Empty, null, BodyError, PreviewHtml, DraftSavedAt);

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }
        await rescue.RestoreAsync(HttpContext, Context.Standing.UserId!, ForumService.DraftKeyForEdit(id));
        if (await forum.GetDraftAsync(Context.Standing.UserId!, ForumService.DraftKeyForEdit(id)) is { } draft)
        {
            Body = draft.Markdown;
            DraftSavedAt = TimeText.Iso(draft.UpdatedAt);
        }
        else
        {
            Body = Context.Post.Markdown;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(int id)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }
        (var rendered, BodyError) = forum.CheckBody(Body);
        PreviewHtml = rendered?.Html;
        await forum.SaveDraftAsync(Context.Standing.UserId!, ForumService.DraftKeyForEdit(id), null, Body);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            await rescue.KeepAsync(HttpContext, ForumService.DraftKeyForEdit(id), null, Body);
            return Challenge(new AuthenticationProperties { RedirectUri = $"/posts/{id}/edit" });
        }
        if (await LoadAsync(id, track: true) is { } refusal)
        {
            return refusal;
        }
        var result = await forum.EditAsync(Context.Post, Body, Context.Standing.UserId!);
        if (!result.Succeeded)
        {
            BodyError = result.Errors.GetValueOrDefault("Body") ?? result.Errors.GetValueOrDefault(ForumService.RateLimited);
            if (result.Errors.ContainsKey(ForumService.RateLimited))
            {
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
            }
            await forum.SaveDraftAsync(Context.Standing.UserId!, ForumService.DraftKeyForEdit(id), null, Body);
            return Page();
        }
        return Redirect($"{Context.ThreadPath}?page={ForumService.PageOf(Context.Post.Number)}&sent={Uri.EscapeDataString(ForumService.DraftKeyForEdit(id))}#post-{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, bool track = false)
    {
        var context = await PostContext.LoadAsync(db, access, id, track);
        // Only the author edits, only a visible post, and only while they may still write in the group.
        // Hidden posts too: a post hidden while flags are reviewed may be put right by its author.
        if (context is null || context.Post.AuthorId != context.Standing.UserId || context.Post.State is not (ContentState.Visible or ContentState.Hidden))
        {
            return NotFound();
        }
        Context = context;
        if (!context.Standing.CanWrite)
        {
            return Forbid();
        }
        return null;
    }
}
