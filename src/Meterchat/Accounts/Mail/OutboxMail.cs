namespace Meterchat.Accounts.Mail;

/// <summary>
/// A mail as the request left it: written in the request's database work, delivered later by
/// <see cref="MailSender"/> with retries (the outbox pattern), so no request waits on or fails with the mail server.
/// With outbox delivery (development, tests) the rows stay and /dev/outbox shows them.
/// </summary>
public sealed class OutboxMail
{
    public long Id { get; set; }

    public required string To { get; set; }

    public required string Subject { get; set; }

    public required string Text { get; set; }

    public required string Html { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the mail server took it; null while waiting.</summary>
    public DateTimeOffset? SentAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>Not before this: backs off after each failure, and is pushed ahead while a sender holds the row.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>The last delivery error (the exception's type and message; never the mail's content).</summary>
    public string? LastError { get; set; }
}
