using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Forum;

namespace OffBenzos.Community.Web.Data.Configurations;

public sealed class BookmarkConfiguration : IEntityTypeConfiguration<Bookmark>
{
    public void Configure(EntityTypeBuilder<Bookmark> builder)
    {
        builder.HasKey(b => new { b.UserId, b.PostId });
        builder.HasOne<Post>().WithMany().HasForeignKey(b => b.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CommunityUser>().WithMany().HasForeignKey(b => b.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
