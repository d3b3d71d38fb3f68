namespace Meterchat.Accounts.Mail;

/// <summary>Sends a composed mail: to the dev outbox or over SMTP.</summary>
public interface IMailTransport
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}
