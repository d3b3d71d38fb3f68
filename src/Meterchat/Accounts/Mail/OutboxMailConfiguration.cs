using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meterchat.Accounts.Mail;

internal sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> builder)
    {
        builder.ToTable("OutboxMails");
        builder.Property(m => m.To).HasMaxLength(256);
        builder.Property(m => m.Subject).HasMaxLength(200);
        builder.Property(m => m.LastError).HasMaxLength(500);
        builder.HasIndex(m => m.To);
        builder.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
    }
}
