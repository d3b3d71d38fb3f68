namespace Meterchat.Accounts;

/// <summary>Answer of /api/auth/manage/2fa. <see cref="SharedKey"/> only while two-factor is off (for setting it up).</summary>
public sealed record TwoFactorState(string? SharedKey, int RecoveryCodesLeft, string[]? RecoveryCodes, bool IsTwoFactorEnabled, bool IsMachineRemembered);
