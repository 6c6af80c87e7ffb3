namespace OffBenzos.Community.Web.Sessions;

/// <summary>A member's answer to a session: going, can't go, or waiting for a place.</summary>
public class SessionRsvp
{
    public int SessionId { get; set; }
    public required string UserId { get; set; }
    public RsvpResponse Response { get; set; }

    /// <summary>When they said they were going: the waitlist's order.</summary>
    public DateTimeOffset AnsweredAt { get; set; }
}

public enum RsvpResponse
{
    Going,
    NotGoing,
    Waitlisted,
}
