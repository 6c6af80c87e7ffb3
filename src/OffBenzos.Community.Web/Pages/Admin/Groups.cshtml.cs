using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Groups;
using OffBenzos.Community.Web.Moderation;

namespace OffBenzos.Community.Web.Pages.Admin;

/// <summary>Admins create and edit peer support groups.</summary>
public sealed class GroupsModel(CommunityDb db, GroupService groups, TimeProvider clock, AuditLog audit, Microsoft.AspNetCore.Identity.UserManager<Accounts.CommunityUser> users) : PageModel
{
    public IReadOnlyList<Group> All { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public string Name { get; set; } = "";

    [BindProperty]
    public string Slug { get; set; } = "";

    [BindProperty]
    public string Description { get; set; } = "";

    [BindProperty]
    public string Rules { get; set; } = "";

    [BindProperty]
    public GroupVisibility Visibility { get; set; }

    [BindProperty]
    public GroupJoinPolicy JoinPolicy { get; set; }

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        All = await db.Groups.AsNoTracking().OrderBy(g => g.Name).ToListAsync();
        if (Id is { } id)
        {
            var group = All.SingleOrDefault(g => g.Id == id);
            if (group is null)
            {
                return NotFound();
            }
            (Name, Slug, Description, Rules, Visibility, JoinPolicy) = (group.Name, group.Slug, group.Description, group.Rules, group.Visibility, group.JoinPolicy);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // An empty field binds as null: each then gets its own message from the validation, not an error page.
        Name = (Name ?? "").Trim();
        Slug = (Slug ?? "").Trim().ToLowerInvariant();
        Description = (Description ?? "").Trim();
        Rules = (Rules ?? "").Trim();
        var errors = await groups.ValidateAsync(Id, Name, Slug, Description, Rules);
        if (!Enum.IsDefined(Visibility) || !Enum.IsDefined(JoinPolicy))
        {
            errors["Visibility"] = "Please choose who can read the threads and how people join.";
        }
        if (errors.Count > 0)
        {
            Errors = errors;
            All = await db.Groups.AsNoTracking().OrderBy(g => g.Name).ToListAsync();
            return Page();
        }
        var group = Id is { } id ? await db.Groups.SingleOrDefaultAsync(g => g.Id == id) : null;
        if (Id is not null && group is null)
        {
            return NotFound();
        }
        var before = group is null ? null : $"name={group.Name}; slug={group.Slug}; visibility={group.Visibility}; join={group.JoinPolicy}; description={group.Description}; rules={group.Rules}";
        if (group is null)
        {
            group = new Group { Name = Name, Slug = Slug, Description = Description, CreatedAt = clock.GetUtcNow() };
            db.Groups.Add(group);
        }
        (group.Name, group.Slug, group.Description, group.Rules, group.Visibility, group.JoinPolicy) = (Name, Slug, Description, Rules, Visibility, JoinPolicy);
        await db.SaveChangesAsync();
        await audit.AppendAsync(new AuditLog.Entry(users.GetUserId(User)!, before is null ? "group.create" : "group.edit", "group",
            group.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), group.Id, group.Name, before));
        StatusMessage = $"Saved {group.Name}.";
        return Redirect("/admin/groups");
    }
}
