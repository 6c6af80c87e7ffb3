namespace OffBenzos.Community.Web.Moderation;

/// <summary>
/// Everything waiting for a moderator about one target: the flags on it gathered together, its lane
/// and score, who holds it, and in the end the decision.
/// </summary>
public class ReviewItem
{
    public long Id { get; set; }
    public required string TargetType { get; set; }
    public required string TargetId { get; set; }

    /// <summary>The group the target belongs to (null for profiles): group moderators see their groups' items.</summary>
    public int? GroupId { get; set; }

    /// <summary>Whose content or profile it is.</summary>
    public string? AuthorId { get; set; }

    public ReviewLane Lane { get; set; } = ReviewLane.Standard;
    public double Score { get; set; }
    public ReviewStatus Status { get; set; } = ReviewStatus.Open;

    /// <summary>True when automation (watched words, new-member holds, the crisis detector) raised it.</summary>
    public bool FromSystem { get; set; }

    /// <summary>Hidden automatically when the score passed the threshold; restored unless a moderator agrees.</summary>
    public bool AutoHidden { get; set; }

    /// <summary>Held before publishing (watched words, a new member's first posts); published unless a moderator agrees.</summary>
    public bool HeldForApproval { get; set; }

    /// <summary>Why automation raised it, in words for the moderator.</summary>
    public string? SystemReason { get; set; }

    /// <summary>For an appeal: the moderator who made the decision appealed, who may not decide the appeal.</summary>
    public string? ExcludedModeratorId { get; set; }

    public string? ClaimedById { get; set; }
    public DateTimeOffset? ClaimExpiresAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When a moderator first opened the item: a crisis item nobody opens in time is raised again.</summary>
    public DateTimeOffset? FirstOpenedAt { get; set; }

    /// <summary>When an unopened crisis or medical item was raised again to every moderator.</summary>
    public DateTimeOffset? EscalatedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolvedById { get; set; }
    public ReviewDecision? Decision { get; set; }
    public string? DecisionReason { get; set; }
}
