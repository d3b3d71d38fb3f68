using Meterchat.Chats;
using Meterchat.Deposits;
using Meterchat.Sellers;
using Meterchat.Withdrawals;

namespace Meterchat.Admin.Settings;

/// <summary>
/// The settings an operator changes from the console. Each one stays owned by its feature's options class (the
/// default is written there once); the console only stores overrides and validates them with that class's rules.
/// </summary>
public static class SettingsCatalog
{
    private const string NewSessions = "Chats requested after the change; a running session keeps its terms and meter.";
    private const string TierChange = "Tiers shown at once; caps apply to profiles saved and ratings given after the change; running sessions keep their frozen rate.";
    private const string NewWithdrawals = "Withdrawal requests made after the change; a request keeps the fees it was quoted.";

    public static IReadOnlyList<SettingDefinition> All { get; } =
    [
        SettingDefinition.For<MeterOptions>(MeterOptions.SectionName, nameof(MeterOptions.CommissionBasisPoints), "Commission", SettingUnit.BasisPoints,
            "Chats requested after the change (frozen in the session's terms at request)."),
        SettingDefinition.For<MeterOptions>(MeterOptions.SectionName, nameof(MeterOptions.WarningSeconds), "Low-funds warning before the end", SettingUnit.Seconds, NewSessions),
        SettingDefinition.For<MeterOptions>(MeterOptions.SectionName, nameof(MeterOptions.ReconnectGraceSeconds), "Reconnect grace after a drop", SettingUnit.Seconds, NewSessions),
        SettingDefinition.For<MeterOptions>(MeterOptions.SectionName, nameof(MeterOptions.ConnectTimeoutSeconds), "Connect timeout after acceptance", SettingUnit.Seconds, NewSessions),
        SettingDefinition.For<MeterOptions>(MeterOptions.SectionName, nameof(MeterOptions.AutoRefundLiveSeconds), "Automatic refund below this live time", SettingUnit.Seconds, NewSessions),
        SettingDefinition.For<WithdrawalsOptions>(WithdrawalsOptions.Section, nameof(WithdrawalsOptions.PlatformFee), "Withdrawal platform fee", SettingUnit.Usdt, NewWithdrawals),
        SettingDefinition.For<WithdrawalsOptions>(WithdrawalsOptions.Section, nameof(WithdrawalsOptions.NetworkFee), "Withdrawal network fee", SettingUnit.Usdt, NewWithdrawals),
        SettingDefinition.For<WithdrawalsOptions>(WithdrawalsOptions.Section, nameof(WithdrawalsOptions.Minimum), "Withdrawal minimum", SettingUnit.Usdt, NewWithdrawals),
        SettingDefinition.For<WithdrawalsOptions>(WithdrawalsOptions.Section, nameof(WithdrawalsOptions.DailyLimit), "Withdrawal daily limit per user", SettingUnit.Usdt, NewWithdrawals),
        SettingDefinition.For<WithdrawalsOptions>(WithdrawalsOptions.Section, nameof(WithdrawalsOptions.AutoThreshold), "Automatic payout up to", SettingUnit.Usdt,
            "Withdrawal requests made after the change (above it, an admin reviews)."),
        SettingDefinition.For<WithdrawalsOptions>(WithdrawalsOptions.Section, nameof(WithdrawalsOptions.AddressCooldown), "Cooldown of a new payout address", SettingUnit.SecondsAsTimeSpan,
            "Payout addresses added after the change."),
        SettingDefinition.For<DepositOptions>(DepositOptions.Section, nameof(DepositOptions.MinimumMicros), "Minimum top-up", SettingUnit.UsdtAsMicros,
            "The next credit decision, including small deposits still waiting."),
        SettingDefinition.For<SellersOptions>(SellersOptions.SectionName, nameof(SellersOptions.MinRate), "Lowest seller rate", SettingUnit.TokensPerMinute,
            "Profiles saved after the change; running sessions keep their frozen rate."),
        SettingDefinition.For<SellersOptions>(SellersOptions.SectionName, nameof(SellersOptions.MaxRate), "Highest seller rate", SettingUnit.TokensPerMinute,
            "Profiles saved after the change; running sessions keep their frozen rate."),
        SettingDefinition.For<SellersOptions>(SellersOptions.SectionName, nameof(SellersOptions.NewMaxRate), "Tier cap: New sellers", SettingUnit.TokensPerMinute, TierChange),
        SettingDefinition.For<SellersOptions>(SellersOptions.SectionName, nameof(SellersOptions.EstablishedRatedChats), "Established tier: rated chats", SettingUnit.Count, TierChange),
        SettingDefinition.For<SellersOptions>(SellersOptions.SectionName, nameof(SellersOptions.EstablishedRatingCentis), "Established tier: rating (hundredths of a star)", SettingUnit.Count, TierChange),
        SettingDefinition.For<SellersOptions>(SellersOptions.SectionName, nameof(SellersOptions.EstablishedMaxRate), "Tier cap: Established sellers", SettingUnit.TokensPerMinute, TierChange),
        SettingDefinition.For<SellersOptions>(SellersOptions.SectionName, nameof(SellersOptions.TopRatedChats), "Top tier: rated chats", SettingUnit.Count, TierChange),
        SettingDefinition.For<SellersOptions>(SellersOptions.SectionName, nameof(SellersOptions.TopRatingCentis), "Top tier: rating (hundredths of a star)", SettingUnit.Count, TierChange),
        SettingDefinition.For<SellersOptions>(SellersOptions.SectionName, nameof(SellersOptions.TopMaxRate), "Tier cap: Top sellers", SettingUnit.TokensPerMinute, TierChange),
        SettingDefinition.For<SellersOptions>(SellersOptions.SectionName, nameof(SellersOptions.RingSeconds), "Request ring time", SettingUnit.Seconds, "Requests made after the change."),
        SettingDefinition.For<SellersOptions>(SellersOptions.SectionName, nameof(SellersOptions.OfflineGraceSeconds), "Seller offline grace", SettingUnit.Seconds, "At once."),
        SettingDefinition.For<SellersOptions>(SellersOptions.SectionName, nameof(SellersOptions.QuickMatchAttempts), "Quick match: sellers rung", SettingUnit.Count, "Quick matches started after the change."),
    ];

    public static SettingDefinition? Find(string key) =>
        All.FirstOrDefault(d => string.Equals(d.Key, key, StringComparison.OrdinalIgnoreCase));
}
