namespace OffBenzos.Community.Web.Accounts;

/// <summary>
/// Outcome of <see cref="DisplayNames.Check(string?)"/>: either the cleaned <see cref="Name"/> to store and
/// show plus its uniqueness <see cref="Key"/>, or a plain-language <see cref="Error"/> to show the member.
/// </summary>
public sealed record DisplayNameCheck(string? Name, string? Key, string? Error)
{
    public bool IsValid => Error is null;
}
