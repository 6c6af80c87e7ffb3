namespace OffBenzos.Community.Web.Admin;

/// <summary>Append-only record of a site role granted or revoked: who, to whom, when and why.</summary>
public class RoleChange
{
    public long Id { get; set; }
    public required string ActorId { get; set; }
    public required string TargetUserId { get; set; }
    public required string Role { get; set; }
    public bool Granted { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset At { get; set; }
}
