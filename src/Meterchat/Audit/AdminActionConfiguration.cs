using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meterchat.Audit;

internal sealed class AdminActionConfiguration : IEntityTypeConfiguration<AdminAction>
{
    public void Configure(EntityTypeBuilder<AdminAction> builder)
    {
        builder.ToTable("AdminActions");
        builder.Property(a => a.ActorId).HasMaxLength(64);
        builder.Property(a => a.ActorEmail).HasMaxLength(256);
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.Target).HasMaxLength(200);
        builder.Property(a => a.Reason).HasMaxLength(AdminAuditLog.MaxReason);
        builder.Property(a => a.Details).HasMaxLength(4000);
        // Unix milliseconds: sortable and comparable in SQL on SQLite too.
        builder.Property(a => a.At).HasConversion(v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.Target, a.At });
        builder.HasIndex(a => new { a.ActorId, a.At });
    }
}
