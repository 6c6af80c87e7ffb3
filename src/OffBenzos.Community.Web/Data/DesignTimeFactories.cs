using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OffBenzos.Community.Web.Data;

// `dotnet ef` builds each provider's context here, so generating either migration set never
// depends on the app's configuration or on a reachable database server.

public sealed class SqliteCommunityDbDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCommunityDb>
{
    public SqliteCommunityDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCommunityDb>()
            .UseSqlite("Data Source=design-time.db", DatabaseSetup.ConfigureSqlite)
            .Options);
}

public sealed class SqlServerCommunityDbDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerCommunityDb>
{
    public SqlServerCommunityDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerCommunityDb>()
            .UseSqlServer("Server=localhost;Database=OffBenzosCommunity;Trusted_Connection=True;TrustServerCertificate=True", DatabaseSetup.ConfigureSqlServer)
            .Options);
}
