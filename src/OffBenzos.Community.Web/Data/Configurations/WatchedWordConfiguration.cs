using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffBenzos.Community.Web.Moderation;

namespace OffBenzos.Community.Web.Data.Configurations;

public sealed class WatchedWordConfiguration : IEntityTypeConfiguration<WatchedWord>
{
    public void Configure(EntityTypeBuilder<WatchedWord> builder)
    {
        builder.Property(w => w.Pattern).HasMaxLength(200);
        builder.Property(w => w.Explanation).HasMaxLength(300);
        builder.Property(w => w.Kind).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(w => w.Action).HasConversion<string>().HasMaxLength(20).IsUnicode(false);
    }
}
