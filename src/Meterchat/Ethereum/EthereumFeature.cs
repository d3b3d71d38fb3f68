using Meterchat.Ethereum.Prices;
using Meterchat.Ethereum.Development;
using Microsoft.Extensions.Options;

namespace Meterchat.Ethereum;

public static class EthereumFeature
{
    /// <summary>
    /// The Ethereum options, the node client and the one hot wallet (payouts and sweeps). Registration connects to nothing: with no Ethereum:RpcUrl the app
    /// starts as before and Ethereum is off; the node is asked only when something uses it.
    /// </summary>
    public static IHostApplicationBuilder AddEthereum(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EthereumOptions>().BindConfiguration(EthereumOptions.Section)
            .Validate(o => !o.Enabled || Uri.TryCreate(o.RpcUrl, UriKind.Absolute, out _), "Ethereum:RpcUrl must be an absolute http(s) URL.")
            .Validate(o => o.ChainId > 0, "Ethereum:ChainId must be positive.")
            .Validate(o => o.Confirmations >= 0, "Ethereum:Confirmations must not be negative.")
            .Validate(o => o.MinimumTokenUnits > 0 && o.MinimumWei > 0, "Ethereum:MinimumTokenUnits and MinimumWei must be positive.")
            .Validate(o => o.Tokens.All(t => t.Decimals == 6 && EthereumAddress.TryParse(t.Contract, out _) && t.Symbol.Length > 0),
                "Ethereum:Tokens: each needs a Symbol, a valid Contract address and 6 decimals (stablecoins credit 1:1).")
            .Validate(o => string.IsNullOrWhiteSpace(o.AccountXpub) || IsAccountXpub(o.AccountXpub),
                "Ethereum:AccountXpub is not an account xpub of m/44'/60'/0' (depth 3).")
            .ValidateOnStart();
        builder.Services.AddOptions<EthereumHotWalletOptions>().BindConfiguration(EthereumHotWalletOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<EthereumHotWalletOptions>, EthereumHotWalletValidation>();
        builder.Services.AddSingleton(sp => EthereumHotWallet.From(
            sp.GetRequiredService<IOptions<EthereumHotWalletOptions>>().Value, sp.GetRequiredService<IHostEnvironment>().IsDevelopment()));
        builder.AddDevEthereumNode();
        builder.Services.AddHttpClient(EthereumOptions.Section);
        builder.Services.AddSingleton(sp => new EthereumNode(
            sp.GetRequiredService<IOptions<EthereumOptions>>().Value,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(EthereumOptions.Section)));
        builder.Services.AddOptions<PriceOptions>().BindConfiguration(PriceOptions.Section)
            .Validate(o => o.FixedMicrosPerEther is null or > 0, "Ethereum:Price:FixedMicrosPerEther must be positive.")
            .Validate(o => string.IsNullOrWhiteSpace(o.TickerUrl) || Uri.TryCreate(o.TickerUrl, UriKind.Absolute, out _), "Ethereum:Price:TickerUrl must be an absolute URL.")
            .Validate(o => o.MaxAge > TimeSpan.Zero, "Ethereum:Price:MaxAge must be positive.")
            .Validate(o => o.MinMicrosPerEther > 0 && o.MaxMicrosPerEther > o.MinMicrosPerEther, "Ethereum:Price: MinMicrosPerEther must be positive and below MaxMicrosPerEther.")
            .ValidateOnStart();
        builder.Services.AddHttpClient(PriceOptions.Section, c => c.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddSingleton<IPriceSource>(sp =>
        {
            var prices = sp.GetRequiredService<IOptions<PriceOptions>>().Value;
            var time = sp.GetService<TimeProvider>() ?? TimeProvider.System;
            return string.IsNullOrWhiteSpace(prices.TickerUrl)
                ? new FixedPriceSource(prices, time)
                : new TickerPriceSource(sp.GetRequiredService<IHttpClientFactory>().CreateClient(PriceOptions.Section), prices, time);
        });
        return builder;
    }

    private static bool IsAccountXpub(string xpub)
    {
        try
        {
            EthereumDepositKeys.FromAccountXpub(xpub);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
