using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Encodings.Web;
using Meterchat.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Meterchat.Accounts;

/// <summary>
/// Moving an account to another address, after a step-up: the confirmation link goes to the new address, and the
/// current one hears of it with a link that undoes it (valid a week, whatever happened to the account meanwhile).
/// Undoing puts the old address back, signs every session out and mails a password reset link there.
/// </summary>
public sealed class EmailChange(
    UserManager<AppUser> users,
    IEmailSender<AppUser> sender,
    MailedLinks links,
    SecurityNotices notices,
    AccountMailQueue queue,
    IDataProtectionProvider protection,
    TimeProvider time,
    ILogger<EmailChange> logger)
{
    private static readonly TimeSpan RevertLifetime = TimeSpan.FromDays(7);
    private readonly IDataProtector _protector = protection.CreateProtector("Meterchat.Accounts.EmailRevert");

    public static bool IsValidAddress(string? email) => !string.IsNullOrWhiteSpace(email) && email.Length <= 256 && new EmailAddressAttribute().IsValid(email);

    /// <summary>Call after <see cref="StepUp"/> passed. Mails both addresses.</summary>
    public async Task RequestAsync(AppUser user, string newEmail)
    {
        ArgumentNullException.ThrowIfNull(user);
        var token = await users.GenerateChangeEmailTokenAsync(user, newEmail);
        var confirm = links.To("/Account/ConfirmEmail", user.Id, token, new { changedEmail = newEmail });
        await sender.SendConfirmationLinkAsync(user, newEmail, HtmlEncoder.Default.Encode(confirm));

        var expires = time.GetUtcNow().Add(RevertLifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var revert = links.To("/Account/RevertEmail", user.Id, _protector.Protect($"{user.Id}\n{user.Email}\n{expires}"));
        await notices.EmailChangeRequestedAsync(user, newEmail, revert);
        logger.LogInformation("User {UserId} asked to change the email", user.Id);
    }

    /// <summary>Applies a revert link; false when it is not valid (tampered, expired, or another account's).</summary>
    public async Task<bool> RevertAsync(string? userId, string? code)
    {
        if (string.IsNullOrEmpty(userId) || MailedLinks.Token(code) is not { } token || Unprotect(token) is not [var id, var oldEmail, var expires]
            || id != userId || !long.TryParse(expires, CultureInfo.InvariantCulture, out var unix)
            || DateTimeOffset.FromUnixTimeSeconds(unix) < time.GetUtcNow() || await users.FindByIdAsync(userId) is not { } user)
        {
            return false;
        }

        if (!string.Equals(user.Email, oldEmail, StringComparison.OrdinalIgnoreCase))
        {
            if (await users.FindByEmailAsync(oldEmail) is { } other && other.Id != user.Id)
            {
                return false;
            }

            user.Email = oldEmail;
            user.UserName = oldEmail;
            user.EmailConfirmed = true;
        }

        // A fresh stamp signs every session out and kills any pending change link; the day's hold starts again.
        user.CredentialsChangedAt = time.GetUtcNow();
        await users.UpdateSecurityStampAsync(user);
        queue.Enqueue(AccountMailKind.PasswordResetLink, oldEmail);
        logger.LogWarning("User {UserId} reverted an email change", user.Id);
        return true;
    }

    private string[]? Unprotect(string token)
    {
        try
        {
            return _protector.Unprotect(token).Split('\n');
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
