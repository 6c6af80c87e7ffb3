namespace OffBenzos.Community.Web.Moderation;

/// <summary>A sanction on a member: always with a reason, and (but for bans) an end it reaches by itself.</summary>
public class Sanction
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public SanctionKind Kind { get; set; }
    public required string Reason { get; set; }
    public required string ActorId { get; set; }
    public long? ReviewItemId { get; set; }
    public DateTimeOffset StartsAt { get; set; }

    /// <summary>Null only for a ban.</summary>
    public DateTimeOffset? EndsAt { get; set; }

    public bool IsActiveAt(DateTimeOffset now) => StartsAt <= now && (EndsAt is null || EndsAt > now);
}
