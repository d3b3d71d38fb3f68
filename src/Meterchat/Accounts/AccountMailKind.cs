namespace Meterchat.Accounts;

/// <summary>The mails an anonymous request may cause, decided off the request path by <see cref="AccountMailQueue"/>.</summary>
public enum AccountMailKind
{
    /// <summary>Forgot password on the pages: a link to /Account/ResetPassword.</summary>
    PasswordResetLink,

    /// <summary>Forgot password on the API: a code for /api/auth/resetPassword.</summary>
    PasswordResetCode,

    /// <summary>The verification link again, for an unverified account.</summary>
    Verification,

    /// <summary>Sign-up with an address that already has an account: tell its owner.</summary>
    SignUpWithTakenEmail,
}
