using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Notifications;

namespace OffBenzos.Community.Web.Data.Configurations;

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20).IsUnicode(false);
        builder.Property(n => n.Url).HasMaxLength(300);
        builder.Property(n => n.ActorId).HasMaxLength(450);
        builder.Property(n => n.Summary).HasMaxLength(NotificationService.SummaryMax);
        builder.Property(n => n.Detail).HasMaxLength(1000);
        builder.Property(n => n.AppealKey).HasMaxLength(40).IsUnicode(false);
        // The header's unread count and the notifications page.
        builder.HasIndex(n => new { n.UserId, n.ReadAt, n.CreatedAt });
        builder.HasOne<CommunityUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
