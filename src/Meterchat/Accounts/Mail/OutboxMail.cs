namespace Meterchat.Accounts.Mail;

/// <summary>A mail kept in the development outbox instead of being sent.</summary>
public sealed class OutboxMail
{
    public long Id { get; set; }

    public required string To { get; set; }

    public required string Subject { get; set; }

    public required string Text { get; set; }

    public required string Html { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
