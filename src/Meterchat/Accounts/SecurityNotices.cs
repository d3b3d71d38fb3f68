using System.Text.Encodings.Web;
using Meterchat.Accounts.Mail;
using Meterchat.Data;
using Microsoft.Extensions.Options;

namespace Meterchat.Accounts;

/// <summary>
/// "Was this you?" mails to the account's current address after every sensitive change, so a thief holding a session
/// cannot quietly take the account over: the owner hears of it and has a way back.
/// </summary>
public sealed class SecurityNotices(IMailTransport mail, IOptions<MailOptions> options)
{
    private string ForgotPasswordLink => options.Value.PublicBaseUrl!.TrimEnd('/') + "/Account/ForgotPassword";

    public Task TwoFactorTurnedOffAsync(AppUser user) =>
        NotYouAsync(user, "Two-factor sign-in was turned off", "Two-factor sign-in was just turned off on your Meterchat account.");

    public Task RecoveryCodesRenewedAsync(AppUser user) =>
        NotYouAsync(user, "New recovery codes were made", "New two-factor recovery codes were just made for your Meterchat account; the old ones no longer work.");

    public Task PasswordChangedAsync(AppUser user) =>
        NotYouAsync(user, "Your password was changed", "The password of your Meterchat account was just changed. Withdrawals wait 24 hours after it.");

    public Task PayoutAddressAddedAsync(AppUser user, string address) =>
        NotYouAsync(user, "A payout address was added", $"The payout address {address} was just added to your Meterchat account.");

    public Task EmailChangeRequestedAsync(AppUser user, string newEmail, string revertLink) =>
        mail.SendAsync(AccountEmails.Compose(
            user.Email!,
            "Your Meterchat email is being changed",
            $"Someone asked to move your Meterchat account to {newEmail}; withdrawals wait 24 hours after it. " +
            "Not you? This link keeps the account on this address, signs everyone out and sends you a password reset link (it works for 7 days):",
            HtmlEncoder.Default.Encode(revertLink),
            "Keep my account on this address"));

    public Task SignUpWithTakenEmailAsync(AppUser user) =>
        mail.SendAsync(AccountEmails.Compose(
            user.Email!,
            "Someone tried to sign up with your email",
            "Someone tried to create a Meterchat account with this address, which already has one. If it was you, sign in instead, or reset your password here:",
            HtmlEncoder.Default.Encode(ForgotPasswordLink),
            "Reset my password"));

    private Task NotYouAsync(AppUser user, string subject, string what) =>
        mail.SendAsync(AccountEmails.Compose(
            user.Email!,
            subject,
            $"{what} Not you? Reset your password now (that signs everyone out) and tell support:",
            HtmlEncoder.Default.Encode(ForgotPasswordLink),
            "Reset my password"));
}
