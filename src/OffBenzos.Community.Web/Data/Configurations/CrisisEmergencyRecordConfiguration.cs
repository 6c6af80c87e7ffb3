using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffBenzos.Community.Web.Crisis;

namespace OffBenzos.Community.Web.Data.Configurations;

public sealed class CrisisEmergencyRecordConfiguration : IEntityTypeConfiguration<CrisisEmergencyRecord>
{
    public void Configure(EntityTypeBuilder<CrisisEmergencyRecord> builder)
    {
        builder.ToTable("CrisisEmergencyNumbers");
        builder.HasKey(e => e.CountryCode);
        builder.Property(e => e.CountryCode).HasMaxLength(2).IsUnicode(false);
        builder.Property(e => e.Display).HasMaxLength(60);
        builder.Property(e => e.Tel).HasMaxLength(40).IsUnicode(false);
    }
}
