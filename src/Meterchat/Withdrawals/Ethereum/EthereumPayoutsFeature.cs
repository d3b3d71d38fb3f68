using Meterchat.Ledger;

namespace Meterchat.Withdrawals.Ethereum;

public static class EthereumPayoutsFeature
{
    /// <summary>USDT and USDC payouts on Ethereum (signed by the hot wallet of <c>AddEthereum</c>): options, fee quotes and the sender's Ethereum half.</summary>
    public static IServiceCollection AddEthereumPayouts(this IServiceCollection services)
    {
        services.AddOptions<EthereumPayoutOptions>().BindConfiguration(EthereumPayoutOptions.Section)
            .Validate(o => Micros.TryParseUsdt(o.PayoutMinimum, out var m, out _) && m.IsPositive, "Ethereum:PayoutMinimum must be a positive USDT amount.")
            .Validate(o => o.PayoutFeeMarginPercent is >= 0 and <= 1000 && o.PayoutGasLimit is >= 21_000 and <= 1_000_000,
                "Ethereum: PayoutFeeMarginPercent is 0..1000 and PayoutGasLimit 21,000..1,000,000.")
            .ValidateOnStart();
        services.AddSingleton<EthereumPayoutFees>();
        services.AddSingleton<IPayoutNetwork, EthereumPayouts>();
        return services;
    }
}
