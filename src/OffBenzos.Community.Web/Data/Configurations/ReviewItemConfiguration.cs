using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffBenzos.Community.Web.Moderation;

namespace OffBenzos.Community.Web.Data.Configurations;

public sealed class ReviewItemConfiguration : IEntityTypeConfiguration<ReviewItem>
{
    public void Configure(EntityTypeBuilder<ReviewItem> builder)
    {
        builder.Property(r => r.TargetType).HasMaxLength(20).IsUnicode(false);
        builder.Property(r => r.TargetId).HasMaxLength(64);
        builder.Property(r => r.AuthorId).HasMaxLength(450);
        builder.Property(r => r.ClaimedById).HasMaxLength(450);
        builder.Property(r => r.ExcludedModeratorId).HasMaxLength(450);
        builder.Property(r => r.ResolvedById).HasMaxLength(450);
        builder.Property(r => r.DecisionReason).HasMaxLength(1000);
        builder.Property(r => r.SystemReason).HasMaxLength(500);
        builder.Property(r => r.Lane).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(r => r.Decision).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        // One open item per target: new flags join it. [Status] quoting works on SQLite and SQL Server alike.
        builder.HasIndex(r => new { r.TargetType, r.TargetId }).IsUnique().HasFilter("[Status] = 'Open'");
        builder.HasIndex(r => new { r.Status, r.GroupId });
        builder.HasIndex(r => new { r.AuthorId, r.CreatedAt });
        // The queue, read in order one lane at a time: open items only, highest score first, then oldest.
        builder.HasIndex(r => new { r.Lane, r.Score, r.CreatedAt }, "IX_ReviewItems_Queue")
            .IsDescending(false, true, false).HasFilter("[Status] = 'Open'");
    }
}
