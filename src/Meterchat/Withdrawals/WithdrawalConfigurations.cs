using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meterchat.Withdrawals;

internal sealed class WithdrawalConfiguration : IEntityTypeConfiguration<Withdrawal>
{
    public void Configure(EntityTypeBuilder<Withdrawal> builder)
    {
        builder.ToTable("Withdrawals");
        builder.Property(w => w.UserId).HasMaxLength(64);
        builder.Property(w => w.ToAddress).HasMaxLength(42);
        builder.Property(w => w.Asset).HasMaxLength(8).HasDefaultValue("USDT");
        builder.Property(w => w.ReplacedTxIds).HasMaxLength(700);
        builder.Property(w => w.ReviewReason).HasMaxLength(400);
        builder.Property(w => w.ReviewedBy).HasMaxLength(64);
        builder.Property(w => w.RejectReason).HasMaxLength(400);
        builder.Property(w => w.TxId).HasMaxLength(66);
        builder.Property(w => w.FailureReason).HasMaxLength(400);
        builder.Property(w => w.Version).IsConcurrencyToken();
        // Unix milliseconds: SQLite cannot compare DateTimeOffset in SQL; a bigint sorts and compares on both providers.
        builder.Property(w => w.CreatedAt).HasConversion(Time.ToMs, Time.FromMs);
        builder.Property(w => w.UpdatedAt).HasConversion(Time.ToMs, Time.FromMs);
        builder.Property(w => w.CompletedAt).HasConversion(Time.ToMsNullable, Time.FromMsNullable);
        builder.HasIndex(w => new { w.UserId, w.CreatedAt });
        builder.HasIndex(w => w.Status);
        builder.HasIndex(w => w.TxId);
    }
}

internal sealed class PayoutAddressConfiguration : IEntityTypeConfiguration<PayoutAddress>
{
    public void Configure(EntityTypeBuilder<PayoutAddress> builder)
    {
        builder.ToTable("PayoutAddresses");
        builder.Property(a => a.UserId).HasMaxLength(64);
        builder.Property(a => a.Address).HasMaxLength(42);
        builder.Property(a => a.Label).HasMaxLength(80);
        builder.Property(a => a.CreatedAt).HasConversion(Time.ToMs, Time.FromMs);
        builder.Property(a => a.UsableAt).HasConversion(Time.ToMs, Time.FromMs);
        builder.HasIndex(a => new { a.UserId, a.Address }).IsUnique();
    }
}

internal static class Time
{
    public static readonly System.Linq.Expressions.Expression<Func<DateTimeOffset, long>> ToMs = v => v.ToUnixTimeMilliseconds();
    public static readonly System.Linq.Expressions.Expression<Func<long, DateTimeOffset>> FromMs = v => DateTimeOffset.FromUnixTimeMilliseconds(v);
    public static readonly System.Linq.Expressions.Expression<Func<DateTimeOffset?, long?>> ToMsNullable = v => v.HasValue ? v.Value.ToUnixTimeMilliseconds() : null;
    public static readonly System.Linq.Expressions.Expression<Func<long?, DateTimeOffset?>> FromMsNullable = v => v.HasValue ? DateTimeOffset.FromUnixTimeMilliseconds(v.Value) : null;
}
