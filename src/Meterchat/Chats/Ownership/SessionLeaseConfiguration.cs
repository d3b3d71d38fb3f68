using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meterchat.Chats.Ownership;

internal sealed class SessionLeaseConfiguration : IEntityTypeConfiguration<SessionLease>
{
    public void Configure(EntityTypeBuilder<SessionLease> builder)
    {
        builder.ToTable("SessionLeases");
        builder.HasKey(l => l.SessionId);
        builder.Property(l => l.NodeId).HasMaxLength(100);
        builder.HasIndex(l => l.NodeId);
        builder.HasIndex(l => l.ExpiresAt);
    }
}
