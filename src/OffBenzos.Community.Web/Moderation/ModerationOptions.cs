namespace OffBenzos.Community.Web.Moderation;

/// <summary>Bound from the <c>Moderation</c> section.</summary>
public sealed class ModerationOptions
{
    /// <summary>A flagged post or thread is hidden while it waits once its flags' weight reaches this.</summary>
    public double AutoHideScore { get; set; } = 3.0;

    /// <summary>How many flags one member may raise in an hour.</summary>
    public int FlagsPerHour { get; set; } = 10;

    /// <summary>How long a moderator's claim on an item lasts without a decision.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Every member's first posts wait for a moderator's approval (0 turns this off).</summary>
    public int HoldFirstPosts { get; set; } = 3;

    /// <summary>A new member's post with more links than this waits for approval.</summary>
    public int NewMemberMaxLinks { get; set; } = 2;

    /// <summary>A crisis or medical item nobody has opened after this long is raised again to every moderator.</summary>
    public TimeSpan CrisisEscalateAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A staff member's flag counts this much; a member's between 0.5 and 1.5 by track record.</summary>
    public double StaffFlagWeight { get; set; } = 3.0;
}
