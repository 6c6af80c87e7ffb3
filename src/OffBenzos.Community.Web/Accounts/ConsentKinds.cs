namespace OffBenzos.Community.Web.Accounts;

/// <summary>The consents we ask for and the version of the text currently shown for each.</summary>
public static class ConsentKinds
{
    public const string HealthData = "health-data";
    public const string HealthDataVersion = "2026-11-27";

    public const string AgeOver18 = "age-18-plus";
    public const string AgeOver18Version = "2026-11-27";
}
