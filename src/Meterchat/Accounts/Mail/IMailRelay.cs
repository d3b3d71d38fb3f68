namespace Meterchat.Accounts.Mail;

/// <summary>Hands one mail to the mail server; throws when it cannot (the outbox row then waits for a retry).</summary>
public interface IMailRelay
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}
