using Microsoft.EntityFrameworkCore;

namespace OffBenzos.Community.Web.Data;

/// <summary>The embedded default: owns the SQLite migration set.</summary>
public sealed class SqliteCommunityDb(DbContextOptions<SqliteCommunityDb> options) : CommunityDb(options);
