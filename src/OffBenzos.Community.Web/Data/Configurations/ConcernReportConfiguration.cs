using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Crisis;

namespace OffBenzos.Community.Web.Data.Configurations;

public sealed class ConcernReportConfiguration : IEntityTypeConfiguration<ConcernReport>
{
    public void Configure(EntityTypeBuilder<ConcernReport> builder)
    {
        builder.Property(c => c.Source).HasMaxLength(40).IsUnicode(false);
        builder.HasIndex(c => new { c.ReporterId, c.At });
        builder.HasIndex(c => new { c.PersonId, c.At });
        builder.HasOne<CommunityUser>().WithMany().HasForeignKey(c => c.ReporterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CommunityUser>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.NoAction);
    }
}
