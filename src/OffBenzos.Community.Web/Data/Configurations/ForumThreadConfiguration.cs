using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffBenzos.Community.Web.Forum;
using OffBenzos.Community.Web.Groups;

namespace OffBenzos.Community.Web.Data.Configurations;

public sealed class ForumThreadConfiguration : IEntityTypeConfiguration<ForumThread>
{
    public void Configure(EntityTypeBuilder<ForumThread> builder)
    {
        builder.ToTable("Threads");
        builder.Property(t => t.Title).HasMaxLength(200);
        builder.Property(t => t.AuthorId).HasMaxLength(450);
        builder.Property(t => t.LockReason).HasMaxLength(500);
        builder.Property(t => t.State).HasConversion<string>().HasMaxLength(20).IsUnicode(false);
        // A group's thread list: counted and read in order from the index alone, hidden threads left out.
        builder.HasIndex(t => new { t.GroupId, t.State, t.IsPinned, t.LastActivityAt });
        builder.HasOne<Group>().WithMany().HasForeignKey(t => t.GroupId).OnDelete(DeleteBehavior.Restrict);
    }
}
