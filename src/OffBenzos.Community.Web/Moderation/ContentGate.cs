using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Forum;

namespace OffBenzos.Community.Web.Moderation;

/// <summary>
/// Decides, before a post is saved, whether it is published, held for a moderator, or refused:
/// watched words, and a new member's first posts and link-heavy posts.
/// </summary>
public sealed class ContentGate(CommunityDb db, WatchedWords watched, IOptions<ModerationOptions> options, IOptions<WriteLimitOptions> limits, TimeProvider clock)
{
    public sealed record Verdict(string? BlockedBecause, string? HeldBecause, ReviewLane? RaiseLane, string? RaiseBecause)
    {
        public static readonly Verdict Publish = new(null, null, null, null);

        public bool Blocked => BlockedBecause is not null;
        public bool Held => HeldBecause is not null;
    }

    /// <param name="isNewPost">False for an edit: only watched words apply, not the new-member holds.</param>
    public async Task<Verdict> CheckAsync(string authorId, bool isStaff, string text, int linkCount, bool isNewPost = true)
    {
        var matches = await watched.CheckAsync(text);
        if (matches.FirstOrDefault(m => m.Rule.Action == WatchedAction.Block) is { } block)
        {
            return new Verdict($"Your post wasn't published because it matches a community rule (“{block.Found}”). {block.Rule.Explanation} Please change it and try again; your text is kept.", null, null, null);
        }
        string? held = matches.FirstOrDefault(m => m.Rule.Action == WatchedAction.RequireApproval) is { } hold
            ? $"Matched the watched word “{hold.Rule.Pattern}”: {hold.Rule.Explanation}"
            : null;
        if (held is null && !isStaff && isNewPost)
        {
            var account = await db.Users.Where(u => u.Id == authorId).Select(u => u.CreatedAt).SingleAsync();
            var isNew = clock.GetUtcNow() - account < TimeSpan.FromDays(limits.Value.NewMemberDays);
            var earlier = await db.Posts.CountAsync(p => p.AuthorId == authorId && p.State != ContentState.Removed);
            if (earlier < options.Value.HoldFirstPosts)
            {
                held = $"One of the member's first {options.Value.HoldFirstPosts} posts.";
            }
            else if (isNew && linkCount > options.Value.NewMemberMaxLinks)
            {
                held = $"A new member's post with {linkCount} links.";
            }
        }
        var crisis = matches.FirstOrDefault(m => m.Rule.Action == WatchedAction.Crisis);
        var flag = matches.FirstOrDefault(m => m.Rule.Action == WatchedAction.Flag);
        var raise = crisis ?? flag;
        return new Verdict(null, held,
            crisis is not null ? ReviewLane.Crisis : raise is not null || held is not null ? ReviewLane.Standard : null,
            raise is not null ? $"Matched the watched word “{raise.Rule.Pattern}” ({raise.Found})." : held);
    }
}
