using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meterchat.Deposits.Ethereum.Sweeps;

internal sealed class EthereumSweepConfiguration : IEntityTypeConfiguration<EthereumSweep>
{
    public void Configure(EntityTypeBuilder<EthereumSweep> builder)
    {
        builder.ToTable("EthereumSweeps");
        builder.Property(s => s.Address).HasMaxLength(42);
        builder.Property(s => s.Asset).HasMaxLength(16);
        builder.Property(s => s.Contract).HasMaxLength(42);
        builder.Property(s => s.HotWallet).HasMaxLength(42);
        builder.Property(s => s.TopUpHash).HasMaxLength(66);
        builder.Property(s => s.SweepHash).HasMaxLength(66);
        foreach (var units in new[] { nameof(EthereumSweep.Units), nameof(EthereumSweep.TopUpWei), nameof(EthereumSweep.MaxFeePerGas),
                     nameof(EthereumSweep.MaxPriorityFeePerGas), nameof(EthereumSweep.GasLimit), nameof(EthereumSweep.TopUpFeeWei), nameof(EthereumSweep.SweepFeeWei) })
        {
            builder.Property(units).HasMaxLength(80);
        }

        builder.Property(s => s.Failure).HasMaxLength(500);
        builder.Property(s => s.StartedBy).HasMaxLength(480);
        builder.HasIndex(s => new { s.Address, s.Status });
        builder.HasIndex(s => s.Status);
    }
}
