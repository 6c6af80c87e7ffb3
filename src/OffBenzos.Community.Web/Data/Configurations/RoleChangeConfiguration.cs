using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffBenzos.Community.Web.Admin;

namespace OffBenzos.Community.Web.Data.Configurations;

public sealed class RoleChangeConfiguration : IEntityTypeConfiguration<RoleChange>
{
    public void Configure(EntityTypeBuilder<RoleChange> builder)
    {
        // No foreign keys: the audit trail outlives the accounts it mentions.
        builder.Property(r => r.ActorId).HasMaxLength(450);
        builder.Property(r => r.TargetUserId).HasMaxLength(450);
        builder.Property(r => r.Role).HasMaxLength(32).IsUnicode(false);
        builder.Property(r => r.Reason).HasMaxLength(500);
        builder.HasIndex(r => new { r.TargetUserId, r.At });
    }
}
