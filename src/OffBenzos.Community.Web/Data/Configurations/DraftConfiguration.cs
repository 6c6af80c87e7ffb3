using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Forum;

namespace OffBenzos.Community.Web.Data.Configurations;

public sealed class DraftConfiguration : IEntityTypeConfiguration<Draft>
{
    public void Configure(EntityTypeBuilder<Draft> builder)
    {
        builder.HasKey(d => new { d.UserId, d.Key });
        builder.Property(d => d.Key).HasMaxLength(64).IsUnicode(false);
        builder.Property(d => d.Title).HasMaxLength(200);
        builder.HasOne<CommunityUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
