using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meterchat.Ledger;

internal sealed class LedgerAccountConfiguration : IEntityTypeConfiguration<LedgerAccount>
{
    public void Configure(EntityTypeBuilder<LedgerAccount> builder)
    {
        builder.ToTable("LedgerAccounts", t => t.HasCheckConstraint("CK_LedgerAccounts_UserNotNegative", "\"Kind\" = 0 OR \"Balance\" >= 0"));
        builder.Property(a => a.Code).HasMaxLength(120);
        builder.HasIndex(a => a.Code).IsUnique();
        builder.HasIndex(a => a.UserId);
    }
}

internal sealed class LedgerTransferConfiguration : IEntityTypeConfiguration<LedgerTransfer>
{
    public void Configure(EntityTypeBuilder<LedgerTransfer> builder)
    {
        builder.ToTable("LedgerTransfers");
        builder.Property(t => t.IdempotencyKey).HasMaxLength(TransferRequest.MaxKeyLength);
        builder.HasIndex(t => t.IdempotencyKey).IsUnique();
        builder.Property(t => t.Reference).HasMaxLength(200);
        builder.Property(t => t.Fingerprint).HasMaxLength(64);
        builder.HasIndex(t => t.Reference);
    }
}

internal sealed class LedgerLegConfiguration : IEntityTypeConfiguration<LedgerLeg>
{
    public void Configure(EntityTypeBuilder<LedgerLeg> builder)
    {
        builder.ToTable("LedgerLegs");
        builder.HasIndex(l => new { l.AccountId, l.TransferId });
        builder.HasIndex(l => l.TransferId);
        builder.HasOne<LedgerTransfer>().WithMany().HasForeignKey(l => l.TransferId);
        builder.HasOne<LedgerAccount>().WithMany().HasForeignKey(l => l.AccountId);
    }
}
