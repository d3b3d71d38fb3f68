using System.Text.Encodings.Web;
using Meterchat.Data;
using Microsoft.AspNetCore.Identity;

namespace Meterchat.Accounts;

/// <summary>Decides and writes one mail queued by <see cref="AccountMailQueue"/>: only accounts that qualify get one.</summary>
internal sealed class AccountMailer(UserManager<AppUser> users, IEmailSender<AppUser> sender, EmailVerification verification, MailedLinks links, SecurityNotices notices)
{
    public async Task SendAsync(AccountMailKind kind, string email)
    {
        if (await users.FindByEmailAsync(email) is not { } user)
        {
            return;
        }

        switch (kind)
        {
            // Only verified, unbanned accounts get a reset: an unverified address never proved it owns the mailbox.
            case AccountMailKind.PasswordResetLink when user is { EmailConfirmed: true, BannedAt: null }:
                var link = links.To("/Account/ResetPassword", user.Id, await users.GeneratePasswordResetTokenAsync(user));
                await sender.SendPasswordResetLinkAsync(user, user.Email!, HtmlEncoder.Default.Encode(link));
                break;
            case AccountMailKind.PasswordResetCode when user is { EmailConfirmed: true, BannedAt: null }:
                var code = MailedLinks.Code(await users.GeneratePasswordResetTokenAsync(user));
                await sender.SendPasswordResetCodeAsync(user, user.Email!, code);
                break;
            case AccountMailKind.Verification when !user.EmailConfirmed:
                await verification.SendAsync(user);
                break;
            case AccountMailKind.SignUpWithTakenEmail:
                await notices.SignUpWithTakenEmailAsync(user);
                break;
        }
    }
}
