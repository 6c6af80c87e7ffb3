namespace OffBenzos.Community.Web.Authorization;

public static class SiteRoles
{
    public const string Member = "Member";
    public const string Coach = "Coach";
    public const string Moderator = "Moderator";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Member, Coach, Moderator, Admin];

    /// <summary>Roles an admin may grant or revoke on the admin page; Admin itself comes from configuration.</summary>
    public static readonly IReadOnlyList<string> Grantable = [Coach, Moderator];

    /// <summary>Roles whose holders must use two-factor sign-in before any staff page opens.</summary>
    public static readonly IReadOnlyList<string> RequireTwoFactor = [Moderator, Admin];
}
