namespace Meterchat.Accounts.Mail;

/// <summary>Queues a composed mail in the outbox (in the caller's request; the mail server is never waited on).</summary>
public interface IMailTransport
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}
