namespace Meterchat.Accounts;

/// <summary>Body of POST /api/auth/manage/info: a new email or password needs <see cref="OldPassword"/> and, with two-factor on, <see cref="TwoFactorCode"/>.</summary>
public sealed record InfoChange(string? NewEmail = null, string? NewPassword = null, string? OldPassword = null, string? TwoFactorCode = null);
