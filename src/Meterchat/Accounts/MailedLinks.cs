using System.Text;
using Meterchat.Accounts.Mail;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Meterchat.Accounts;

/// <summary>
/// Absolute links to our pages for mails (verification, password reset), carrying an Identity token as a
/// URL-safe code. Behind a proxy <c>Mail:PublicBaseUrl</c> decides the host; otherwise the request's own.
/// </summary>
public sealed class MailedLinks(LinkGenerator links, IOptions<MailOptions> mail)
{
    public string To(HttpContext context, string page, string userId, string token)
    {
        var values = new { userId, code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token)) };
        var publicBase = mail.Value.PublicBaseUrl;
        return string.IsNullOrEmpty(publicBase)
            ? links.GetUriByPage(context, page, handler: null, values)!
            : publicBase.TrimEnd('/') + links.GetPathByPage(page, handler: null, values);
    }

    /// <summary>The token back from a code, or null when the code was mangled.</summary>
    public static string? Token(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
