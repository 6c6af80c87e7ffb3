using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffBenzos.Community.Web.Accounts;

namespace OffBenzos.Community.Web.Data.Configurations;

public sealed class ConsentRecordConfiguration : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> builder)
    {
        builder.Property(c => c.Kind).HasMaxLength(32).IsUnicode(false);
        builder.Property(c => c.Version).HasMaxLength(32).IsUnicode(false);
        builder.HasIndex(c => c.UserId);
        // Consent belongs to the person: erased with the account.
        builder.HasOne<CommunityUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
