namespace OffBenzos.Community.Web.Authorization;

/// <summary>Named authorization policies. Pages and endpoints name one of these, never a role string.</summary>
public static class Policies
{
    /// <summary>Signed in with a confirmed e-mail: may write.</summary>
    public const string ConfirmedMember = nameof(ConfirmedMember);

    public const string Coach = nameof(Coach);

    /// <summary>Site moderators and admins, with two-factor sign-in enabled.</summary>
    public const string Moderator = nameof(Moderator);

    /// <summary>Admins, with two-factor sign-in enabled.</summary>
    public const string Admin = nameof(Admin);
}
