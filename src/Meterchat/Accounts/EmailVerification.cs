using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;

namespace Meterchat.Accounts;

/// <summary>Sends the verification link (to the /Account/ConfirmEmail page) and checks it when it comes back.</summary>
public sealed class EmailVerification(UserManager<AppUser> users, IEmailSender<AppUser> sender, MailedLinks links)
{
    public async Task SendAsync(AppUser user, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(user);
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = links.To(context, "/Account/ConfirmEmail", user.Id, token);
        await sender.SendConfirmationLinkAsync(user, user.Email!, HtmlEncoder.Default.Encode(link));
    }

    /// <summary>True when the link was valid (or the email was already verified).</summary>
    public async Task<bool> ConfirmAsync(string? userId, string? code)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(code) || await users.FindByIdAsync(userId) is not { } user)
        {
            return false;
        }

        if (user.EmailConfirmed)
        {
            return true;
        }

        return MailedLinks.Token(code) is { } token && (await users.ConfirmEmailAsync(user, token)).Succeeded;
    }
}
