using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OffBenzos.Community.Web.Crisis;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Forum;

namespace OffBenzos.Community.Web.Moderation;

/// <summary>
/// Decides, before a post is saved, whether it is published, held for a moderator, or refused:
/// watched words, and a new member's first posts and link-heavy posts.
/// </summary>
public sealed class ContentGate(
    CommunityDb db,
    WatchedWords watched,
    CrisisDetector detector,
    IOptions<ModerationOptions> options,
    IOptions<WriteLimitOptions> limits,
    TimeProvider clock)
{
    public sealed record Verdict(string? BlockedBecause, string? HeldBecause, ReviewLane? RaiseLane, string? RaiseBecause)
    {
        public static readonly Verdict Publish = new(null, null, null, null);

        /// <summary>What the crisis detector found; the composer signposts before publishing when it asks to.</summary>
        public CrisisAssessment Crisis { get; init; } = CrisisAssessment.None;

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
        ReviewLane? lane = crisis is not null ? ReviewLane.Crisis : raise is not null || held is not null ? ReviewLane.Standard : null;
        var because = raise is not null ? $"Matched the watched word “{raise.Rule.Pattern}” ({raise.Found})." : held;

        // The detector sorts and signposts; a moderator decides. Support-seeking words stay up and
        // reach the crisis (or medical) lane; method detail and encouragement are held.
        var assessment = detector.Assess(text);
        if (assessment.IsCrisis)
        {
            var found = string.Join(", ", assessment.Categories.Select(Describe)) + ": " + string.Join("; ", assessment.Evidence.Take(5).Select(e => $"“{e.Phrase}”"));
            var crisisLane = assessment.Has(CrisisCategory.MedicalEmergency) && !assessment.Has(CrisisCategory.SuicideOrSelfHarm) && !assessment.ShouldHold
                ? ReviewLane.Medical : ReviewLane.Crisis;
            lane = lane is { } current && current < crisisLane ? current : crisisLane;
            because = "Crisis detector: " + found + (because is null ? "" : " " + because);
            if (assessment.ShouldHold)
            {
                held = "Crisis detector: " + found;
            }
        }
        return new Verdict(null, held, lane, because) { Crisis = assessment };
    }

    public static string Describe(CrisisCategory category) => category switch
    {
        CrisisCategory.SuicideOrSelfHarm => "suicide or self-harm risk",
        CrisisCategory.MedicalEmergency => "medical emergency",
        CrisisCategory.MethodDetail => "method detail",
        CrisisCategory.EncouragingSelfHarm => "encouraging self-harm",
        _ => "nothing",
    };
}
