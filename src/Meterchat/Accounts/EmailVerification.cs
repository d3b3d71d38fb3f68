using System.Text.Encodings.Web;
using Meterchat.Data;
using Microsoft.AspNetCore.Identity;

namespace Meterchat.Accounts;

/// <summary>Sends the verification link (to the /Account/ConfirmEmail page) and checks it when it comes back.</summary>
public sealed class EmailVerification(UserManager<AppUser> users, IEmailSender<AppUser> sender, MailedLinks links)
{
    public async Task SendAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = links.To("/Account/ConfirmEmail", user.Id, token);
        await sender.SendConfirmationLinkAsync(user, user.Email!, HtmlEncoder.Default.Encode(link));
    }

    /// <summary>True when the link was valid (or the email was already verified). With <paramref name="changedEmail"/>: an email change.</summary>
    public async Task<bool> ConfirmAsync(string? userId, string? code, string? changedEmail = null)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(code) || await users.FindByIdAsync(userId) is not { } user)
        {
            return false;
        }

        if (!string.IsNullOrEmpty(changedEmail))
        {
            // The user name is the email here: both change, or sign-in would still take the old address.
            return MailedLinks.Token(code) is { } changeToken
                && (await users.ChangeEmailAsync(user, changedEmail, changeToken)).Succeeded
                && (await users.SetUserNameAsync(user, changedEmail)).Succeeded;
        }

        if (user.EmailConfirmed)
        {
            return true;
        }

        return MailedLinks.Token(code) is { } token && (await users.ConfirmEmailAsync(user, token)).Succeeded;
    }
}
