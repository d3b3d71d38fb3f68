namespace Meterchat.Accounts.Mail;

/// <summary>
/// Outgoing mail. Section "Mail". Delivery defaults to the outbox in Development and Testing and to SMTP
/// everywhere else, so a production host without SMTP settings refuses to start instead of losing mail.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public MailDelivery Delivery { get; set; }

    public string From { get; set; } = "Meterchat <no-reply@meterchat.local>";

    /// <summary>Base of the links in mails (e.g. https://meterchat.example); required, so a forged Host header never reaches a mail.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Whether <see cref="MailSender"/> delivers on its timer (tests switch it off and call it).</summary>
    public bool SenderEnabled { get; set; } = true;

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    public string? SmtpUserName { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>StartTls (port 587), SslOnConnect (port 465) or None (a local relay only).</summary>
    public SmtpSecurity SmtpSecurity { get; set; } = SmtpSecurity.StartTls;
}
