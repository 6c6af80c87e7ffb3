using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffBenzos.Community.Web.Groups;

namespace OffBenzos.Community.Web.Data.Configurations;

public sealed class GroupRoleChangeConfiguration : IEntityTypeConfiguration<GroupRoleChange>
{
    public void Configure(EntityTypeBuilder<GroupRoleChange> builder)
    {
        // No foreign keys to users: the record outlives the accounts it mentions.
        builder.Property(c => c.ActorId).HasMaxLength(450);
        builder.Property(c => c.TargetUserId).HasMaxLength(450);
        builder.Property(c => c.Change).HasMaxLength(32).IsUnicode(false);
        builder.HasIndex(c => new { c.GroupId, c.At });
    }
}
