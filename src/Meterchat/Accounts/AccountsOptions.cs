using System.ComponentModel.DataAnnotations;

namespace Meterchat.Accounts;

/// <summary>Sign-in protection and the first admin. Section "Accounts".</summary>
public sealed class AccountsOptions
{
    public const string Section = "Accounts";

    /// <summary>Failed sign-ins (password or 2FA code) that lock the account.</summary>
    [Range(1, 100)]
    public int MaxFailedAttempts { get; set; } = 5;

    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;

    [Range(8, 128)]
    public int PasswordMinLength { get; set; } = 10;

    /// <summary>Sign-in, sign-up and 2FA attempts one IP address may make per window.</summary>
    [Range(1, 1_000_000)]
    public int AttemptsPerWindow { get; set; } = 10;

    [Range(1, 24 * 3600)]
    public int AttemptWindowSeconds { get; set; } = 60;

    /// <summary>How often a browser session is re-checked against the database (ban, password change).</summary>
    [Range(1, 24 * 60)]
    public int SessionCheckMinutes { get; set; } = 5;

    /// <summary>Email of the admin created on first start when no admin exists.</summary>
    [Required, EmailAddress]
    public string AdminEmail { get; set; } = "admin@meterchat.local";
}
