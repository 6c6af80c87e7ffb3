namespace OffBenzos.Community.Web.Accounts;

public enum ThemePreference
{
    System = 0,
    Light = 1,
    Dark = 2,
}
