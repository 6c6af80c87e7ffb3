namespace OffBenzos.Community.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
