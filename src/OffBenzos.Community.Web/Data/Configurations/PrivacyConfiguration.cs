using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Privacy;

namespace OffBenzos.Community.Web.Data.Configurations;

public sealed class SignInRecordConfiguration : IEntityTypeConfiguration<SignInRecord>
{
    public void Configure(EntityTypeBuilder<SignInRecord> builder)
    {
        builder.Property(r => r.UserId).HasMaxLength(450);
        builder.Property(r => r.Device).HasMaxLength(100);
        builder.HasIndex(r => new { r.UserId, r.At });
        builder.HasIndex(r => r.At);
        builder.HasOne<CommunityUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class DataExportConfiguration : IEntityTypeConfiguration<DataExport>
{
    public void Configure(EntityTypeBuilder<DataExport> builder)
    {
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.HasIndex(e => new { e.Status, e.RequestedAt });
        builder.HasIndex(e => e.UserId);
        builder.HasOne<CommunityUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ErasureRecordConfiguration : IEntityTypeConfiguration<ErasureRecord>
{
    public void Configure(EntityTypeBuilder<ErasureRecord> builder)
    {
        builder.HasKey(e => e.Pseudonym);
        builder.Property(e => e.Pseudonym).HasMaxLength(450);
    }
}
