using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffBenzos.Community.Web.Moderation;

namespace OffBenzos.Community.Web.Data.Configurations;

public sealed class ModerationActionConfiguration : IEntityTypeConfiguration<ModerationAction>
{
    public void Configure(EntityTypeBuilder<ModerationAction> builder)
    {
        // No foreign keys: the audit trail outlives what it mentions.
        builder.Property(a => a.ActorId).HasMaxLength(450);
        builder.Property(a => a.Action).HasMaxLength(40).IsUnicode(false);
        builder.Property(a => a.TargetType).HasMaxLength(20).IsUnicode(false);
        builder.Property(a => a.TargetId).HasMaxLength(64);
        builder.Property(a => a.Reason).HasMaxLength(1000);
        builder.HasIndex(a => a.Sequence).IsUnique();
        builder.Property(a => a.PreviousHash).HasMaxLength(64).IsUnicode(false);
        builder.Property(a => a.Hash).HasMaxLength(64).IsUnicode(false);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.ActorId, a.At });
        builder.HasIndex(a => new { a.TargetType, a.TargetId });
    }
}
