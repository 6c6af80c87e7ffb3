using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Admin;

namespace OffBenzos.Community.Web.Pages.Admin;

/// <summary>Members by display name, with Coach and Moderator granted or revoked for a recorded reason.</summary>
public sealed class IndexModel(RoleAdministration roles, UserManager<CommunityUser> users) : PageModel
{
    private const int PageSize = 50;

    public IReadOnlyList<RoleAdministration.MemberRow> Members { get; private set; } = [];
    public IReadOnlyList<RoleAdministration.HistoryRow> History { get; private set; } = [];
    public int Total { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    [TempData]
    public string? StatusMessage { get; set; }

    public sealed class RoleChangeInput
    {
        [Required]
        public string UserId { get; set; } = "";

        [Required]
        public string Role { get; set; } = "";

        public bool Grant { get; set; }

        [Required(ErrorMessage = "Please give a reason; it is kept in the role history.")]
        [StringLength(RoleAdministration.ReasonMaxLength, ErrorMessage = "Please keep the reason under {1} characters.")]
        public string Reason { get; set; } = "";
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostRoleAsync([FromForm] RoleChangeInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!ModelState.IsValid)
        {
            StatusMessage = "Error: " + string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
            return RedirectToPage(new { Search, p = PageNumber });
        }
        var error = await roles.ChangeAsync(users.GetUserId(User)!, input.UserId, input.Role, input.Grant, input.Reason);
        StatusMessage = error is null ? $"Done: {input.Role} {(input.Grant ? "granted" : "revoked")}. It takes effect on that member's next page." : "Error: " + error;
        return RedirectToPage(new { Search, p = PageNumber });
    }

    private async Task LoadAsync()
    {
        PageNumber = Math.Max(1, PageNumber);
        (Members, Total) = await roles.MembersAsync(Search, PageNumber, PageSize);
        History = await roles.HistoryAsync(take: 50);
    }
}
