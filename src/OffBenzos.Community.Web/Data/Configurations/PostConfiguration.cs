using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffBenzos.Community.Web.Forum;

namespace OffBenzos.Community.Web.Data.Configurations;

public sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> builder)
    {
        builder.Property(p => p.AuthorId).HasMaxLength(450);
        builder.Property(p => p.State).HasConversion<string>().HasMaxLength(20).IsUnicode(false);
        builder.HasIndex(p => new { p.ThreadId, p.Number }).IsUnique();
        // A resubmitted form finds the post it already made.
        builder.HasIndex(p => new { p.AuthorId, p.ClientRequestId }).IsUnique();
        builder.HasOne<ForumThread>().WithMany().HasForeignKey(p => p.ThreadId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Post>().WithMany().HasForeignKey(p => p.ReplyToPostId).OnDelete(DeleteBehavior.NoAction);
    }
}
