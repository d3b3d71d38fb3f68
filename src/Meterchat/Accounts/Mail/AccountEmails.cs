using System.Net;
using Meterchat.Data;
using Microsoft.AspNetCore.Identity;

namespace Meterchat.Accounts.Mail;

/// <summary>
/// The mails of the accounts feature, for our pages and for Identity's API endpoints alike.
/// Identity hands links already HTML-encoded; the text part gets them decoded. A singleton (Identity's
/// endpoints capture it at start), so each mail resolves the transport in a scope of its own.
/// </summary>
internal sealed class AccountEmails(IServiceScopeFactory scopes) : IEmailSender<AppUser>
{
    public Task SendConfirmationLinkAsync(AppUser user, string email, string confirmationLink) =>
        SendAsync(Compose(
            email,
            "Verify your email for Meterchat",
            "Welcome to Meterchat. Verify your email address to top up, chat and cash out:",
            confirmationLink,
            "Verify my email"));

    public Task SendPasswordResetLinkAsync(AppUser user, string email, string resetLink) =>
        SendAsync(Compose(
            email,
            "Reset your Meterchat password",
            "Someone asked to reset the password of this Meterchat account. If it was you, follow this link:",
            resetLink,
            "Reset my password"));

    public Task SendPasswordResetCodeAsync(AppUser user, string email, string resetCode)
    {
        var code = WebUtility.HtmlEncode(resetCode);
        return SendAsync(new OutgoingMail(
            email,
            "Your Meterchat password reset code",
            $"Your password reset code: {resetCode}\n\nIf you did not ask for it, ignore this mail.",
            Wrap($"<p>Your password reset code:</p><p style=\"font-size:20px;font-family:monospace\">{code}</p><p>If you did not ask for it, ignore this mail.</p>")));
    }

    private async Task SendAsync(OutgoingMail mail)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMailTransport>().SendAsync(mail);
    }

    internal static OutgoingMail Compose(string to, string subject, string intro, string encodedLink, string action)
    {
        var link = WebUtility.HtmlDecode(encodedLink);
        var text = $"{intro}\n\n{link}\n\nIf you did not ask for this, ignore this mail.";
        var html = Wrap(
            $"<p>{WebUtility.HtmlEncode(intro)}</p>" +
            $"<p><a href=\"{encodedLink}\" style=\"display:inline-block;padding:10px 18px;background:#4f46e5;color:#fff;border-radius:8px;text-decoration:none\">{action}</a></p>" +
            $"<p style=\"color:#555;font-size:13px\">Or paste this address in your browser: {WebUtility.HtmlEncode(link)}</p>" +
            "<p style=\"color:#555;font-size:13px\">If you did not ask for this, ignore this mail.</p>");
        return new OutgoingMail(to, subject, text, html);
    }

    private static string Wrap(string body) =>
        $"<div style=\"font-family:system-ui,sans-serif;font-size:15px;color:#1f2330;max-width:520px\"><p style=\"font-weight:700;font-size:18px\">Meterchat</p>{body}</div>";
}
