using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffBenzos.Community.Web.Chat;
using OffBenzos.Community.Web.Groups;
using OffBenzos.Community.Web.Sessions;

namespace OffBenzos.Community.Web.Data.Configurations;

public sealed class LiveSessionConfiguration : IEntityTypeConfiguration<LiveSession>
{
    public void Configure(EntityTypeBuilder<LiveSession> builder)
    {
        builder.Property(s => s.HostId).HasMaxLength(450);
        builder.Property(s => s.Title).HasMaxLength(LiveSessionOptions.TitleMax);
        builder.Property(s => s.Description).HasMaxLength(LiveSessionOptions.DescriptionMax);
        builder.Property(s => s.TimeZoneId).HasMaxLength(64).IsUnicode(false);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Ignore(s => s.EndsAt);
        builder.HasIndex(s => s.RoomId).IsUnique();
        builder.HasIndex(s => new { s.GroupId, s.StartsAt });
        builder.HasIndex(s => new { s.Status, s.StartsAt });
        builder.HasOne<Group>().WithMany().HasForeignKey(s => s.GroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ChatRoom>().WithMany().HasForeignKey(s => s.RoomId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SessionRsvpConfiguration : IEntityTypeConfiguration<SessionRsvp>
{
    public void Configure(EntityTypeBuilder<SessionRsvp> builder)
    {
        builder.HasKey(r => new { r.SessionId, r.UserId });
        builder.Property(r => r.UserId).HasMaxLength(450);
        builder.Property(r => r.Response).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.HasIndex(r => r.UserId);
        builder.HasOne<LiveSession>().WithMany().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.CommunityUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SessionAttendanceConfiguration : IEntityTypeConfiguration<SessionAttendance>
{
    public void Configure(EntityTypeBuilder<SessionAttendance> builder)
    {
        builder.HasKey(a => new { a.SessionId, a.UserId });
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.RemovedReason).HasMaxLength(500);
        builder.HasIndex(a => a.UserId);
        builder.HasOne<LiveSession>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.CommunityUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
