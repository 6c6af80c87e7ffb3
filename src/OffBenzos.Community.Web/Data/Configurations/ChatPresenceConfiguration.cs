using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffBenzos.Community.Web.Chat;

namespace OffBenzos.Community.Web.Data.Configurations;

public sealed class ChatPresenceConfiguration : IEntityTypeConfiguration<ChatPresence>
{
    public void Configure(EntityTypeBuilder<ChatPresence> builder)
    {
        builder.HasKey(p => new { p.ConnectionId, p.RoomId });
        builder.Property(p => p.ConnectionId).HasMaxLength(64).IsUnicode(false);
        builder.Property(p => p.UserId).HasMaxLength(450);
        builder.Property(p => p.InstanceId).HasMaxLength(64).IsUnicode(false);
        builder.HasIndex(p => new { p.RoomId, p.SeenAt });
        builder.HasIndex(p => p.UserId);
        builder.HasIndex(p => p.InstanceId);
        builder.HasOne<ChatRoom>().WithMany().HasForeignKey(p => p.RoomId).OnDelete(DeleteBehavior.Cascade);
    }
}
