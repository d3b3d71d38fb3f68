using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meterchat.Accounts;

internal sealed class RefreshTokenFamilyConfiguration : IEntityTypeConfiguration<RefreshTokenFamily>
{
    public void Configure(EntityTypeBuilder<RefreshTokenFamily> builder)
    {
        builder.ToTable("RefreshTokenFamilies");
        builder.Property(f => f.Id).HasMaxLength(32);
        builder.Property(f => f.UserId).HasMaxLength(450);
        builder.Property(f => f.CurrentTokenId).HasMaxLength(32);
        builder.HasIndex(f => f.UserId);
    }
}
