using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Meterchat.Trust.Fraud;

internal sealed class SightingConfiguration : IEntityTypeConfiguration<Sighting>
{
    // Unix milliseconds: the rules compare these in SQL, which SQLite cannot do with DateTimeOffset.
    internal static readonly ValueConverter<DateTimeOffset, long> UnixMs =
        new(v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));

    public void Configure(EntityTypeBuilder<Sighting> builder)
    {
        builder.ToTable("Sightings");
        builder.Property(s => s.UserId).HasMaxLength(64);
        builder.Property(s => s.Ip).HasMaxLength(64);
        builder.Property(s => s.DeviceId).HasMaxLength(64);
        builder.Property(s => s.FirstSeen).HasConversion(UnixMs);
        builder.Property(s => s.LastSeen).HasConversion(UnixMs);
        builder.HasIndex(s => new { s.UserId, s.Ip, s.DeviceId }).IsUnique();
        builder.HasIndex(s => new { s.Ip, s.LastSeen });
        builder.HasIndex(s => s.DeviceId);
    }
}

internal sealed class FraudFlagConfiguration : IEntityTypeConfiguration<FraudFlag>
{
    public void Configure(EntityTypeBuilder<FraudFlag> builder)
    {
        builder.ToTable("FraudFlags");
        builder.Property(f => f.UserId).HasMaxLength(64);
        builder.Property(f => f.Rule).HasMaxLength(64);
        builder.Property(f => f.Key).HasMaxLength(200);
        builder.Property(f => f.Evidence).HasMaxLength(8000);
        builder.Property(f => f.ClearedBy).HasMaxLength(64);
        builder.Property(f => f.ClearReason).HasMaxLength(1000);
        builder.Property(f => f.RaisedAt).HasConversion(SightingConfiguration.UnixMs);
        builder.HasIndex(f => new { f.UserId, f.Rule, f.Key }).IsUnique();
        builder.HasIndex(f => f.ClearedAt);
    }
}
