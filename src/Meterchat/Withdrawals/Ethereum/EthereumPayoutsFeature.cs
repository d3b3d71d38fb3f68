using Meterchat.Ledger;

namespace Meterchat.Withdrawals.Ethereum;

public static class EthereumPayoutsFeature
{
    /// <summary>USDT and USDC payouts on Ethereum: options, the hot wallet, fee quotes and the sender's Ethereum half.</summary>
    public static IServiceCollection AddEthereumPayouts(this IServiceCollection services)
    {
        services.AddOptions<EthereumPayoutOptions>().BindConfiguration(EthereumPayoutOptions.Section)
            .Validate(o => Micros.TryParseUsdt(o.PayoutMinimum, out var m, out _) && m.IsPositive, "Ethereum:PayoutMinimum must be a positive USDT amount.")
            .Validate(o => o.PayoutFeeMarginPercent is >= 0 and <= 1000 && o.PayoutGasLimit is >= 21_000 and <= 1_000_000,
                "Ethereum: PayoutFeeMarginPercent is 0..1000 and PayoutGasLimit 21,000..1,000,000.")
            .Validate(o => string.IsNullOrWhiteSpace(o.HotWalletKey) || o.HotWalletKey.Trim().Replace("0x", "", StringComparison.Ordinal).Length == 64,
                "Ethereum:HotWalletKey must be 64 hex digits.")
            .ValidateOnStart();
        services.AddSingleton(EthereumHotWallet.Create);
        services.AddSingleton<EthereumPayoutFees>();
        services.AddSingleton<IPayoutNetwork, EthereumPayouts>();
        return services;
    }
}
