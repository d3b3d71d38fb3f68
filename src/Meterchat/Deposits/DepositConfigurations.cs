using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meterchat.Deposits;

internal sealed class DepositAddressConfiguration : IEntityTypeConfiguration<DepositAddress>
{
    public void Configure(EntityTypeBuilder<DepositAddress> builder)
    {
        builder.ToTable("DepositAddresses");
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.Address).HasMaxLength(34);
        builder.Property(a => a.EthereumAddress).HasMaxLength(42);
        builder.HasIndex(a => a.UserId).IsUnique();
        builder.HasIndex(a => a.Index).IsUnique();
        builder.HasIndex(a => a.Address).IsUnique();
    }
}

internal sealed class DepositConfiguration : IEntityTypeConfiguration<Deposit>
{
    public void Configure(EntityTypeBuilder<Deposit> builder)
    {
        builder.ToTable("Deposits");
        builder.Property(d => d.TxId).HasMaxLength(64);
        builder.Property(d => d.UserId).HasMaxLength(450);
        builder.Property(d => d.Address).HasMaxLength(34);
        builder.HasIndex(d => new { d.TxId, d.LogIndex }).IsUnique();
        builder.HasIndex(d => new { d.Address, d.CreditedAt });
        builder.HasIndex(d => d.UserId);

        // The sweep of due credits reads only uncredited rows.
        builder.HasIndex(d => d.CreditedAt);
    }
}

internal sealed class DepositClaimConfiguration : IEntityTypeConfiguration<DepositClaim>
{
    public void Configure(EntityTypeBuilder<DepositClaim> builder)
    {
        builder.ToTable("DepositClaims");
        builder.Property(c => c.UserId).HasMaxLength(450);
        builder.Property(c => c.TxId).HasMaxLength(64);
        builder.Property(c => c.Outcome).HasMaxLength(64);
        builder.HasIndex(c => new { c.UserId, c.TxId }).IsUnique();
        builder.HasIndex(c => c.ResolvedAt);
    }
}

internal sealed class ChainCursorConfiguration : IEntityTypeConfiguration<ChainCursor>
{
    public void Configure(EntityTypeBuilder<ChainCursor> builder)
    {
        builder.ToTable("ChainCursors");
        builder.HasKey(c => c.Name);
        builder.Property(c => c.Name).HasMaxLength(40);
    }
}
