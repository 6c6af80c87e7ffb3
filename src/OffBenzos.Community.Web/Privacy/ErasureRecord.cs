namespace OffBenzos.Community.Web.Privacy;

/// <summary>
/// What remains after an account is erased: that it was, when, and what the member chose for their
/// posts. Keyed by the old account id, which maps to nobody once the account row is gone; the same
/// id stands for them, as a stable pseudonym, in the audit log and on posts they chose to keep.
/// </summary>
public class ErasureRecord
{
    public required string Pseudonym { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset ErasedAt { get; set; }
    public bool KeptPosts { get; set; }
}
