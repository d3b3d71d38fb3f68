using Meterchat.Data;
using Microsoft.AspNetCore.Identity;

namespace Meterchat.Accounts;

/// <summary>
/// "Forgot password" for the pages: mails a reset link (to /Account/ResetPassword) and applies it. The answer to a
/// request never says whether the address has an account, so the form cannot be used to find members.
/// </summary>
public sealed class PasswordReset(UserManager<AppUser> users, AccountMailQueue queue, SecurityNotices notices)
{
    /// <summary>Queues the link (see <see cref="AccountMailQueue"/>): the answer and its timing are the same for every address.</summary>
    public void Request(string email) => queue.Enqueue(AccountMailKind.PasswordResetLink, email);

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
            await notices.PasswordChangedAsync(user);
            return [];
        }

        return result.Errors.Select(e => e.Code == "InvalidToken" ? BadLink : e.Description).Distinct().ToList();
    }
}
