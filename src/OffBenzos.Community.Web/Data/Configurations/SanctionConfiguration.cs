using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Moderation;

namespace OffBenzos.Community.Web.Data.Configurations;

public sealed class SanctionConfiguration : IEntityTypeConfiguration<Sanction>
{
    public void Configure(EntityTypeBuilder<Sanction> builder)
    {
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(s => s.Reason).HasMaxLength(1000);
        builder.Property(s => s.ActorId).HasMaxLength(450);
        builder.HasIndex(s => new { s.UserId, s.EndsAt });
        builder.HasOne<CommunityUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
