using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meterchat.Reserves;

internal sealed class ReservesSnapshotConfiguration : IEntityTypeConfiguration<ReservesSnapshot>
{
    public void Configure(EntityTypeBuilder<ReservesSnapshot> builder)
    {
        builder.ToTable("ReservesSnapshots");
        builder.Property(s => s.RootHash).HasMaxLength(64);
        builder.Property(s => s.HotWallet).HasMaxLength(34);
        builder.Property(s => s.Message).HasMaxLength(1000);
        builder.Property(s => s.Signature).HasMaxLength(130);
        builder.Property(s => s.Trigger).HasMaxLength(16);
        builder.HasIndex(s => s.At);
    }
}

internal sealed class ReservesLeafConfiguration : IEntityTypeConfiguration<ReservesLeaf>
{
    public void Configure(EntityTypeBuilder<ReservesLeaf> builder)
    {
        builder.ToTable("ReservesLeaves");
        builder.HasKey(l => new { l.SnapshotId, l.UserId });
        builder.Property(l => l.UserId).HasMaxLength(450);
        builder.Property(l => l.Salt).HasMaxLength(32);
        builder.Ignore(l => l.Balance);
        builder.HasOne<ReservesSnapshot>().WithMany().HasForeignKey(l => l.SnapshotId).OnDelete(DeleteBehavior.Cascade);
    }
}
