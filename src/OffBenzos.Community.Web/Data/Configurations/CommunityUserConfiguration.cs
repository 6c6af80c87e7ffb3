using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffBenzos.Community.Web.Accounts;

namespace OffBenzos.Community.Web.Data.Configurations;

public sealed class CommunityUserConfiguration : IEntityTypeConfiguration<CommunityUser>
{
    public void Configure(EntityTypeBuilder<CommunityUser> builder)
    {
        // Generous limits: the rules in DisplayNames count graphemes, storage counts UTF-16 units.
        builder.Property(u => u.DisplayName).HasMaxLength(128).IsRequired();
        builder.Property(u => u.DisplayNameKey).HasMaxLength(128).IsRequired();
        builder.HasIndex(u => u.DisplayNameKey).IsUnique();
        builder.Property(u => u.CountryCode).HasMaxLength(2).IsUnicode(false);
        builder.Property(u => u.TimeZoneId).HasMaxLength(64).IsUnicode(false);
        builder.Property(u => u.Theme).HasConversion<string>().HasMaxLength(8).IsUnicode(false);
        // The erasure job looks for accounts whose deletion is due; only those few rows are indexed.
        builder.HasIndex(u => u.DeletionDueAt).HasFilter("[DeletionDueAt] IS NOT NULL");
    }
}
