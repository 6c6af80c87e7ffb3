using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Forum;

namespace OffBenzos.Community.Web.Data.Configurations;

public sealed class ThreadReaderConfiguration : IEntityTypeConfiguration<ThreadReader>
{
    public void Configure(EntityTypeBuilder<ThreadReader> builder)
    {
        builder.HasKey(r => new { r.UserId, r.ThreadId });
        builder.HasIndex(r => new { r.ThreadId, r.Notify });
        builder.Property(r => r.Notify).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.HasOne<ForumThread>().WithMany().HasForeignKey(r => r.ThreadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CommunityUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
