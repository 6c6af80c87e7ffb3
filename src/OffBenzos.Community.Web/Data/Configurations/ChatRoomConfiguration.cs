using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffBenzos.Community.Web.Chat;
using OffBenzos.Community.Web.Groups;

namespace OffBenzos.Community.Web.Data.Configurations;

public sealed class ChatRoomConfiguration : IEntityTypeConfiguration<ChatRoom>
{
    public void Configure(EntityTypeBuilder<ChatRoom> builder)
    {
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        // One standing room per group (created on first entry, perhaps by two members at once).
        builder.HasIndex(r => r.GroupId).IsUnique().HasFilter("[Kind] = 'Group'");
        builder.HasOne<Group>().WithMany().HasForeignKey(r => r.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}
