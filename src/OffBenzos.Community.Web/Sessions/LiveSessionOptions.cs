namespace OffBenzos.Community.Web.Sessions;

public sealed class LiveSessionOptions
{
    /// <summary>Days a session's transcript stays readable to its attendees after it ends; then it is deleted.</summary>
    public int TranscriptDays { get; set; } = 30;

    /// <summary>How long before the start members who are going get a reminder.</summary>
    public TimeSpan ReminderBefore { get; set; } = TimeSpan.FromMinutes(15);

    public const int TitleMax = 120;
    public const int DescriptionMax = 2000;
    public const int MinDuration = 15;
    public const int MaxDuration = 240;
    public const int MinCapacity = 2;
    public const int MaxCapacity = 200;
    public const int MaxSlowModeSeconds = 300;
}
