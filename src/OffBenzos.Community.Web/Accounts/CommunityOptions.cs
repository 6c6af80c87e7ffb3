namespace OffBenzos.Community.Web.Accounts;

/// <summary>Bound from the <c>Community</c> section.</summary>
public sealed class CommunityOptions
{
    public const string Section = "Community";

    /// <summary>An account that confirms one of these e-mail addresses becomes Admin. The only way to the first admin.</summary>
    public IList<string> AdminEmails { get; } = [];

    /// <summary>How often the sign-in cookie is checked against the database (roles, sign-out everywhere).</summary>
    public TimeSpan SecurityStampValidationInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A sign-in slides forward with use for this long...</summary>
    public TimeSpan SignInSlidingExpiry { get; set; } = TimeSpan.FromDays(14);

    /// <summary>...but never lasts longer than this from the moment the passphrase was entered.</summary>
    public TimeSpan SignInAbsoluteExpiry { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// The version of the health-data consent text members have agreed to. When the text changes,
    /// give it a new version: every member is asked again before they go on (<see cref="Privacy.ConsentGate"/>).
    /// </summary>
    public string HealthDataConsentVersion { get; set; } = ConsentKinds.HealthDataVersion;

    /// <summary>Seed demo groups and accounts on first run (Development only).</summary>
    public bool SeedDemoContent { get; set; } = true;
}
