using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffBenzos.Community.Web.Crisis;

namespace OffBenzos.Community.Web.Data.Configurations;

public sealed class CrisisLineRecordConfiguration : IEntityTypeConfiguration<CrisisLineRecord>
{
    public void Configure(EntityTypeBuilder<CrisisLineRecord> builder)
    {
        builder.ToTable("CrisisLines");
        builder.Property(l => l.CountryCode).HasMaxLength(2).IsUnicode(false);
        builder.Property(l => l.Name).HasMaxLength(120);
        builder.Property(l => l.Display).HasMaxLength(120);
        builder.Property(l => l.Tel).HasMaxLength(40).IsUnicode(false);
        builder.Property(l => l.Sms).HasMaxLength(80).IsUnicode(false);
        builder.Property(l => l.Url).HasMaxLength(200);
        builder.Property(l => l.Hours).HasMaxLength(120);
        builder.Property(l => l.Kind).HasMaxLength(30).IsUnicode(false);
        builder.Property(l => l.Notes).HasMaxLength(300);
        builder.Property(l => l.Source).HasMaxLength(300);
        builder.HasIndex(l => new { l.CountryCode, l.Position });
    }
}
