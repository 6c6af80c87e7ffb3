namespace OffBenzos.Community.Web.Privacy;

/// <summary>One sign-in, so a member can see where their account is used. Only a rough device, never the address.</summary>
public class SignInRecord
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>"Firefox on Android": enough to recognise a device, not to track one.</summary>
    public required string Device { get; set; }
}
