using Microsoft.EntityFrameworkCore;

namespace OffBenzos.Community.Web.Data;

/// <summary>Production: owns the SQL Server migration set.</summary>
public sealed class SqlServerCommunityDb(DbContextOptions<SqlServerCommunityDb> options) : CommunityDb(options);
