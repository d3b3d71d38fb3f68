namespace Meterchat.Accounts.Mail;

/// <summary>Where outgoing mail goes.</summary>
public enum MailDelivery
{
    /// <summary>A table the app shows at /dev/outbox: development and tests only.</summary>
    Outbox,

    /// <summary>A real SMTP server (MailKit).</summary>
    Smtp,
}
