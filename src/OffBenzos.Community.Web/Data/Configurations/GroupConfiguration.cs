using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffBenzos.Community.Web.Groups;

namespace OffBenzos.Community.Web.Data.Configurations;

public sealed class GroupConfiguration : IEntityTypeConfiguration<Group>
{
    public void Configure(EntityTypeBuilder<Group> builder)
    {
        builder.Property(g => g.Name).HasMaxLength(80);
        builder.Property(g => g.Slug).HasMaxLength(60).IsUnicode(false);
        builder.HasIndex(g => g.Slug).IsUnique();
        builder.Property(g => g.Description).HasMaxLength(500);
        builder.Property(g => g.Rules).HasMaxLength(4000);
        builder.Property(g => g.Visibility).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(g => g.JoinPolicy).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
    }
}
