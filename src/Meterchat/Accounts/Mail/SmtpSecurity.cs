namespace Meterchat.Accounts.Mail;

public enum SmtpSecurity
{
    StartTls,
    SslOnConnect,
    None,
}
