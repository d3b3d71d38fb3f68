namespace Meterchat.Admin.Settings;

/// <summary>What an operator types and reads for a setting. Money is always entered and shown in USDT.</summary>
public enum SettingUnit
{
    /// <summary>Stored as a USDT string ("0.50"), like <c>WithdrawalsOptions</c>.</summary>
    Usdt,

    /// <summary>Entered in USDT, stored as µUSDT (a long), like <c>DepositOptions.MinimumMicros</c>.</summary>
    UsdtAsMicros,

    /// <summary>An integer of basis points (2500 = 25 %).</summary>
    BasisPoints,

    /// <summary>An integer number of seconds.</summary>
    Seconds,

    /// <summary>Entered in seconds, stored as a TimeSpan ("1.00:00:00").</summary>
    SecondsAsTimeSpan,

    /// <summary>Whole tokens per minute.</summary>
    TokensPerMinute,

    /// <summary>A plain count.</summary>
    Count,
}
