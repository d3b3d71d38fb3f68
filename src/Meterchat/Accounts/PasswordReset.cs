using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;

namespace Meterchat.Accounts;

/// <summary>
/// "Forgot password" for the pages: mails a reset link (to /Account/ResetPassword) and applies it. The answer to a
/// request never says whether the address has an account, so the form cannot be used to find members.
/// </summary>
public sealed class PasswordReset(UserManager<AppUser> users, IEmailSender<AppUser> sender, MailedLinks links)
{
    public async Task RequestAsync(string email, HttpContext context)
    {
        // Only verified, unbanned accounts get a link: an unverified address never proved it owns the mailbox.
        if (await users.FindByEmailAsync(email.Trim()) is not { EmailConfirmed: true, BannedAt: null } user)
        {
            return;
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = links.To(context, "/Account/ResetPassword", user.Id, token);
        await sender.SendPasswordResetLinkAsync(user, user.Email!, HtmlEncoder.Default.Encode(link));
    }

    /// <summary>Sets the new password when the link is valid; the errors are for the person (password rules or a bad link).</summary>
    public async Task<IReadOnlyList<string>> ResetAsync(string? userId, string? code, string newPassword)
    {
        const string BadLink = "This reset link is invalid or has expired. Ask for a new one.";
        if (string.IsNullOrEmpty(userId) || MailedLinks.Token(code) is not { } token || await users.FindByIdAsync(userId) is not { } user)
        {
            return [BadLink];
        }

        // ResetPasswordAsync also renews the security stamp, which signs out every other session of the account.
        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (result.Succeeded)
        {
            await users.ResetAccessFailedCountAsync(user);
            return [];
        }

        return result.Errors.Select(e => e.Code == "InvalidToken" ? BadLink : e.Description).Distinct().ToList();
    }
}
