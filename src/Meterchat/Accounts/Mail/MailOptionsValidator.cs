using MimeKit;
using Microsoft.Extensions.Options;

namespace Meterchat.Accounts.Mail;

/// <summary>Checks the mail settings on start: SMTP needs a host; the outbox never runs in production.</summary>
internal sealed class MailOptionsValidator(IHostEnvironment environment) : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        var failures = new List<string>();
        if (!MailboxAddress.TryParse(options.From, out _))
        {
            failures.Add($"Mail:From '{options.From}' is not a mail address.");
        }

        if (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var site) || site.Scheme is not ("http" or "https"))
        {
            failures.Add("Mail:PublicBaseUrl must be the site's absolute http(s) address: mailed links are built from it, never from the request's Host header.");
        }

        if (options.Delivery == MailDelivery.Outbox && !OutboxAllowed(environment))
        {
            failures.Add("Mail:Delivery Outbox is for Development and Testing only; configure Mail:SmtpHost.");
        }

        if (options.Delivery == MailDelivery.Smtp)
        {
            if (string.IsNullOrWhiteSpace(options.SmtpHost))
            {
                failures.Add("Mail:SmtpHost is required when Mail:Delivery is Smtp.");
            }

            if (options.SmtpPort is < 1 or > 65535)
            {
                failures.Add("Mail:SmtpPort must be between 1 and 65535.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static bool OutboxAllowed(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing");
}
