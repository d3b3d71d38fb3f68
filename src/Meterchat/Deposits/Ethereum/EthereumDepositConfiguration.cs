using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meterchat.Deposits.Ethereum;

internal sealed class EthereumDepositConfiguration : IEntityTypeConfiguration<EthereumDeposit>
{
    public void Configure(EntityTypeBuilder<EthereumDeposit> builder)
    {
        builder.ToTable("EthereumDeposits");
        builder.Property(d => d.TxHash).HasMaxLength(66);
        builder.Property(d => d.UserId).HasMaxLength(450);
        builder.Property(d => d.Address).HasMaxLength(42);
        builder.Property(d => d.Asset).HasMaxLength(16);
        builder.Property(d => d.Contract).HasMaxLength(42);
        builder.Property(d => d.Units).HasMaxLength(80);
        builder.Property(d => d.PriceSource).HasMaxLength(64);
        builder.HasIndex(d => new { d.TxHash, d.LogIndex }).IsUnique();
        builder.HasIndex(d => new { d.Address, d.CreditedAt });
        builder.HasIndex(d => d.UserId);
        builder.HasIndex(d => d.CreditedAt);
    }
}
