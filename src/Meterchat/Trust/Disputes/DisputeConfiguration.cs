using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Meterchat.Trust.Disputes;

internal sealed class DisputeConfiguration : IEntityTypeConfiguration<Dispute>
{
    // Unix milliseconds: sortable and comparable in SQL on SQLite too.
    internal static readonly ValueConverter<DateTimeOffset, long> UnixMs = new(v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));

    public void Configure(EntityTypeBuilder<Dispute> builder)
    {
        builder.ToTable("Disputes");
        builder.Property(d => d.BuyerId).HasMaxLength(64);
        builder.Property(d => d.SellerId).HasMaxLength(64);
        builder.Property(d => d.Text).HasMaxLength(TrustOptions.MaxDisputeText);
        builder.Property(d => d.Note).HasMaxLength(TrustOptions.MaxNote);
        builder.Property(d => d.DecidedBy).HasMaxLength(64);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.Property(d => d.OpenedAt).HasConversion(UnixMs);
        builder.Property(d => d.DecidedAt).HasConversion(UnixMs);
        builder.Ignore(d => d.IsOpen);
        builder.HasIndex(d => d.SessionId).IsUnique();
        builder.HasIndex(d => new { d.Outcome, d.OpenedAt });
        builder.HasIndex(d => d.BuyerId);
        builder.HasIndex(d => d.SellerId);
    }
}
