namespace OffBenzos.Community.Web.Accounts;

/// <summary>
/// Explicit consent given by a member (GDPR art. 9 for health data). Append-only: a new version of a
/// consent text is a new row, so we can show exactly what each member agreed to and when.
/// </summary>
public class ConsentRecord
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string Kind { get; set; }
    public required string Version { get; set; }
    public DateTimeOffset GivenAt { get; set; }
}
