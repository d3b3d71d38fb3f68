using Meterchat.Data;

namespace Meterchat.Accounts.Mail;

/// <summary>Every mail the app sends: a row in the outbox table, which <see cref="MailSender"/> delivers (or, in development, /dev/outbox shows).</summary>
internal sealed class OutboxTransport(AppDbContext db, TimeProvider time, ILogger<OutboxTransport> logger) : IMailTransport
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        var row = new OutboxMail
        {
            To = mail.To,
            Subject = mail.Subject,
            Text = mail.Text,
            Html = mail.Html,
            CreatedAt = time.GetUtcNow(),
            NextAttemptAt = time.GetUtcNow(),
        };
        db.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Mail {MailId} queued", row.Id);
    }
}
