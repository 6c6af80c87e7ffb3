using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffBenzos.Community.Web.Moderation;

namespace OffBenzos.Community.Web.Data.Configurations;

public sealed class FlagConfiguration : IEntityTypeConfiguration<Flag>
{
    public void Configure(EntityTypeBuilder<Flag> builder)
    {
        builder.Property(f => f.FlaggerId).HasMaxLength(450);
        builder.Property(f => f.Reason).HasConversion<string>().HasMaxLength(20).IsUnicode(false);
        builder.Property(f => f.Note).HasMaxLength(1000);
        // One flag per member per review item, i.e. one open flag per member per target.
        builder.HasIndex(f => new { f.ReviewItemId, f.FlaggerId }).IsUnique();
        builder.HasIndex(f => new { f.FlaggerId, f.At });
        builder.HasOne<ReviewItem>().WithMany().HasForeignKey(f => f.ReviewItemId).OnDelete(DeleteBehavior.Cascade);
    }
}
