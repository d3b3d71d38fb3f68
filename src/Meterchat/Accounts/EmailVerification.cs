using System.Text;
using System.Text.Encodings.Web;
using Meterchat.Accounts.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Meterchat.Accounts;

/// <summary>Sends the verification link (to the /Account/ConfirmEmail page) and checks it when it comes back.</summary>
public sealed class EmailVerification(
    UserManager<AppUser> users,
    IEmailSender<AppUser> sender,
    LinkGenerator links,
    IOptions<MailOptions> mail)
{
    public async Task SendAsync(AppUser user, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(user);
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        var values = new { userId = user.Id, code };
        var publicBase = mail.Value.PublicBaseUrl;
        var link = string.IsNullOrEmpty(publicBase)
            ? links.GetUriByPage(context, "/Account/ConfirmEmail", handler: null, values)
            : publicBase.TrimEnd('/') + links.GetPathByPage("/Account/ConfirmEmail", handler: null, values);
        await sender.SendConfirmationLinkAsync(user, user.Email!, HtmlEncoder.Default.Encode(link!));
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

        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return false;
        }

        return (await users.ConfirmEmailAsync(user, token)).Succeeded;
    }
}
