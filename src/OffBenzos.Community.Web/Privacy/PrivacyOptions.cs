namespace OffBenzos.Community.Web.Privacy;

public sealed class PrivacyOptions
{
    /// <summary>Days between asking to delete an account and erasing it; signing in meanwhile cancels.</summary>
    public int DeletionGraceDays { get; set; } = 14;

    /// <summary>Days a prepared export can be downloaded.</summary>
    public int ExportDays { get; set; } = 7;

    /// <summary>Days messages in groups' standing chat rooms are kept (session transcripts: Sessions:TranscriptDays).</summary>
    public int ChatRetentionDays { get; set; } = 90;

    public int NotificationRetentionDays { get; set; } = 180;

    /// <summary>Drafts not touched for this long are deleted.</summary>
    public int DraftRetentionDays { get; set; } = 180;

    public int SignInHistoryDays { get; set; } = 90;
}
