using Meterchat.Chats;
using Meterchat.Deposits;
using Meterchat.Ledger;
using Meterchat.Withdrawals;

namespace Meterchat.Pages.Help;

/// <summary>The numbers the help pages quote, read from the live settings so an admin's change shows at once.</summary>
public sealed record HelpFigures(
    Micros MinimumTopUp, int Confirmations, long TokensPerUsdt, int UnitSeconds, int CommissionPercent, int AutoRefundSeconds,
    Micros WithdrawalMinimum, Micros PlatformFee, Micros NetworkFee, Micros DailyLimit, Micros AutoThreshold, TimeSpan AddressCooldown)
{
    public Micros WithdrawalFees => PlatformFee + NetworkFee;

    public static HelpFigures Of(DepositOptions deposits, WithdrawalsOptions withdrawals, MeterOptions meter) => new(
        new Micros(deposits.MinimumMicros), deposits.ConfirmationsRequired, Micros.PerUsdt / Micros.PerToken, meter.UnitSeconds,
        meter.CommissionBasisPoints / 100, meter.AutoRefundLiveSeconds,
        withdrawals.MinimumMicros, withdrawals.PlatformFeeMicros, withdrawals.NetworkFeeMicros, withdrawals.DailyLimitMicros,
        withdrawals.AutoThresholdMicros, withdrawals.AddressCooldown);

    /// <summary>How long until a transfer is final, from the confirmations required (a TRON block every 3 s): "about a minute".</summary>
    public string Finality => (Confirmations * 3) switch
    {
        < 45 and var s => $"about {s} seconds",
        < 90 => "about a minute",
        var s => $"about {(s + 30) / 60} minutes",
    };

    /// <summary>"24 hours", "90 minutes": the cooldown as a person reads it.</summary>
    public string Cooldown => AddressCooldown.TotalHours >= 1 && AddressCooldown.TotalHours == Math.Floor(AddressCooldown.TotalHours)
        ? $"{AddressCooldown.TotalHours:0} hour{(AddressCooldown.TotalHours == 1 ? "" : "s")}"
        : $"{AddressCooldown.TotalMinutes:0} minutes";
}
