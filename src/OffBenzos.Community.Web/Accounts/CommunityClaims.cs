namespace OffBenzos.Community.Web.Accounts;

/// <summary>Profile facts carried in the sign-in cookie so every page can render without a profile query.</summary>
public static class CommunityClaims
{
    public const string DisplayName = "offbenzos:display_name";
    public const string Country = "offbenzos:country";
    public const string Theme = "offbenzos:theme";
    public const string ChatSound = "offbenzos:chat_sound";
    public const string TimeZone = "offbenzos:time_zone";

    /// <summary>The version of the health-data consent text the member last agreed to.</summary>
    public const string Consent = "offbenzos:consent";
}
