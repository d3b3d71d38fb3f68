using System.Text;
using Meterchat.Accounts.Mail;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Meterchat.Accounts;

/// <summary>
/// Absolute links to our pages for mails (verification, password reset), carrying an Identity token as a
/// URL-safe code. The host is always <c>Mail:PublicBaseUrl</c>: a request's Host header is the sender's to choose,
/// and a forged one would send the token to the attacker's site.
/// </summary>
public sealed class MailedLinks(LinkGenerator links, IOptions<MailOptions> mail)
{
    public string To(string page, string userId, string token, object? extra = null)
    {
        var values = new RouteValueDictionary(extra) { ["userId"] = userId, ["code"] = Code(token) };
        return mail.Value.PublicBaseUrl!.TrimEnd('/') + links.GetPathByPage(page, handler: null, values);
    }

    /// <summary>An Identity token as a URL-safe code (what Identity's API endpoints expect too).</summary>
    public static string Code(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

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
