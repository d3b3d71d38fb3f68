using Meterchat.Data;

namespace Meterchat.Accounts.Mail;

/// <summary>Development delivery: the mail lands in a table shown at /dev/outbox.</summary>
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
        };
        db.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Mail {MailId} put in the dev outbox (/dev/outbox)", row.Id);
    }
}
