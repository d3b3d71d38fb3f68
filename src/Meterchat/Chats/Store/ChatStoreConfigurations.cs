using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meterchat.Chats.Store;

internal sealed class ChatSessionRowConfiguration : IEntityTypeConfiguration<ChatSessionRow>
{
    public void Configure(EntityTypeBuilder<ChatSessionRow> builder)
    {
        builder.ToTable("ChatSessions");
        builder.Property(s => s.BuyerId).HasMaxLength(64);
        builder.Property(s => s.SellerId).HasMaxLength(64);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => new { s.BuyerId, s.CreatedAt });
        builder.HasIndex(s => new { s.SellerId, s.CreatedAt });
        builder.HasIndex(s => s.State);
        builder.Property(s => s.ChainHead).HasMaxLength(64);
    }
}

internal sealed class ChatEventRowConfiguration : IEntityTypeConfiguration<ChatEventRow>
{
    public void Configure(EntityTypeBuilder<ChatEventRow> builder)
    {
        builder.ToTable("ChatEvents");
        // No foreign key: events are append-only and written only by the store, after their session's row (a per-row check
        // on every append is paid by the meter clock at every tick).
        builder.HasIndex(e => new { e.SessionId, e.Seq }).IsUnique();
        builder.Property(e => e.Hash).HasMaxLength(64);
    }
}
