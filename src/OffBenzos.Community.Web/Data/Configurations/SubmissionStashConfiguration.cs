using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffBenzos.Community.Web.Forum;

namespace OffBenzos.Community.Web.Data.Configurations;

public sealed class SubmissionStashConfiguration : IEntityTypeConfiguration<SubmissionStash>
{
    public void Configure(EntityTypeBuilder<SubmissionStash> builder)
    {
        builder.HasKey(s => s.Token);
        builder.Property(s => s.Token).HasMaxLength(64).IsUnicode(false);
        builder.Property(s => s.DraftKey).HasMaxLength(64).IsUnicode(false);
        builder.Property(s => s.Title).HasMaxLength(200);
        builder.HasIndex(s => s.CreatedAt);
    }
}
