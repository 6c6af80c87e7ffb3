using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Moderation;

namespace OffBenzos.Community.Web.Data.Configurations;

public sealed class AppealConfiguration : IEntityTypeConfiguration<Appeal>
{
    public void Configure(EntityTypeBuilder<Appeal> builder)
    {
        builder.Property(a => a.DecisionKey).HasMaxLength(40).IsUnicode(false);
        builder.Property(a => a.Text).HasMaxLength(1000);
        // Once per decision.
        builder.HasIndex(a => new { a.UserId, a.DecisionKey }).IsUnique();
        builder.HasOne<CommunityUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
