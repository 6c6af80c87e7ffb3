using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Groups;
using OffBenzos.Community.Web.Search;

namespace OffBenzos.Community.Web.Pages;

/// <summary>
/// Searches the posts the reader may see: public groups for everyone, members-only groups for
/// their members (and site staff). A GET form, so a search can be bookmarked, shared and paged.
/// </summary>
public sealed class SearchModel(SearchService search, GroupAccess access, UserManager<CommunityUser> users) : PageModel
{
    /// <summary>The words as typed, shown back in the box.</summary>
    public string Q { get; private set; } = "";

    /// <summary>Null until something searchable was asked for.</summary>
    public SearchResults? Results { get; private set; }

    /// <summary>Something was typed, but no word in it (only punctuation, say).</summary>
    public bool NothingToSearch { get; private set; }

    public async Task OnGetAsync(string? q, [FromQuery(Name = "page")] int? page)
    {
        Q = q ?? "";
        if (string.IsNullOrWhiteSpace(Q))
        {
            return;
        }
        var query = SearchQuery.Parse(Q);
        if (query.IsEmpty)
        {
            NothingToSearch = true;
            return;
        }
        var readable = await access.ReadableGroupIdsAsync();
        Results = await search.SearchAsync(Q, readable, page ?? 1, users.GetUserId(User), HttpContext.RequestAborted);
    }

    /// <summary>The address of another page of the same search (the shared pager cannot carry the query).</summary>
    public string PageUrl(int page) => $"/search?q={Uri.EscapeDataString(Q)}&page={page}";
}
