namespace Meterchat.Accounts.Mail;

/// <summary>One mail to send: plain text always, HTML beside it.</summary>
public sealed record OutgoingMail(string To, string Subject, string Text, string Html);
