using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffBenzos.Community.Web.Chat;

namespace OffBenzos.Community.Web.Data.Configurations;

public sealed class ChatMessageConfiguration : IEntityTypeConfiguration<ChatMessage>
{
    public void Configure(EntityTypeBuilder<ChatMessage> builder)
    {
        builder.Property(m => m.AuthorId).HasMaxLength(450);
        builder.Property(m => m.RemovedById).HasMaxLength(450);
        builder.Property(m => m.Text).HasMaxLength(ChatOptions.MessageMax);
        builder.Property(m => m.State).HasConversion<string>().HasMaxLength(20).IsUnicode(false);
        // A retried send finds the message it already made.
        builder.HasIndex(m => new { m.AuthorId, m.ClientId }).IsUnique();
        // Each published message has its own place in the room; held ones have none yet.
        builder.HasIndex(m => new { m.RoomId, m.Sequence }).IsUnique().HasFilter("[Sequence] IS NOT NULL");
        builder.HasIndex(m => m.SentAt);
        builder.HasOne<ChatRoom>().WithMany().HasForeignKey(m => m.RoomId).OnDelete(DeleteBehavior.Cascade);
    }
}
