namespace Meterchat.Accounts;

/// <summary>
/// Body of POST /api/auth/manage/2fa: Identity's fields plus <see cref="Password"/>. Turning two-factor off, a new
/// shared key (which turns it off) and new recovery codes need the password and, with two-factor on, <see cref="TwoFactorCode"/>.
/// </summary>
public sealed record TwoFactorChange(
    bool? Enable = null,
    string? TwoFactorCode = null,
    bool ResetSharedKey = false,
    bool ResetRecoveryCodes = false,
    bool ForgetMachine = false,
    string? Password = null);
