using Meterchat.Chain;
using Meterchat.DevChain;
using Meterchat.Ledger;
using Meterchat.Withdrawals.Ethereum;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Meterchat.Withdrawals;

public static class WithdrawalsFeature
{
    /// <summary>Requests, review, the payout sender, the hot wallet (and its dev funding), treasury and reserves.</summary>
    public static IHostApplicationBuilder AddWithdrawals(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WithdrawalsOptions>().BindConfiguration(WithdrawalsOptions.Section)
            .Validate(o => Parses(o.PlatformFee) && Parses(o.NetworkFee) && Parses(o.Minimum) && Parses(o.DailyLimit) && Parses(o.AutoThreshold),
                "Withdrawals: PlatformFee, NetworkFee, Minimum, DailyLimit and AutoThreshold are USDT amounts (up to 6 decimals).")
            .Validate(o => !Parses(o.Minimum) || !Parses(o.PlatformFee) || !Parses(o.NetworkFee) || o.MinimumMicros > o.Fees,
                "Withdrawals:Minimum must exceed the fees, or a minimum withdrawal would deliver nothing.")
            .Validate(o => o.FeeLimitSun is > 0 and <= DevChainNode.MaxFeeLimitSun && o.TransactionLifetime > TimeSpan.Zero && o.SenderInterval > TimeSpan.Zero,
                "Withdrawals: FeeLimitSun (1..15,000 TRX), TransactionLifetime and SenderInterval must be positive.")
            .Validate(o => o.AddressCooldown >= TimeSpan.Zero, "Withdrawals:AddressCooldown cannot be negative (a new payout address waits at least zero seconds).")
            .Validate<IHostEnvironment>((o, env) => !env.IsProduction() || !string.IsNullOrWhiteSpace(o.HotWalletKey) || !string.IsNullOrWhiteSpace(o.HotWalletKeyFile),
                "Withdrawals:HotWalletKey or Withdrawals:HotWalletKeyFile is required in Production (a secret: environment or a key file).")
            .ValidateOnStart();

        services.AddSingleton(HotWallet.Create);
        services.AddSingleton<WithdrawalGate>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWithdrawalRiskCheck, NoRiskFlags>());
        services.AddScoped<WithdrawalRequests>();
        services.AddScoped<WithdrawalReview>();
        services.AddScoped<Treasury>();
        services.AddScoped<IReservesSource, HotWalletReserves>();
        services.AddSingleton<IPayoutNetwork, TronPayouts>();
        services.AddEthereumPayouts();
        services.AddSingleton<PayoutSender>();
        if (builder.Configuration.GetValue("Withdrawals:SenderEnabled", true))
        {
            services.AddHostedService(sp => sp.GetRequiredService<PayoutSender>());
        }

        if (builder.Environment.IsDevelopment())
        {
            services.AddHostedService<DevEthereumHotWalletFunding>();
        }

        var chain = builder.Configuration.GetSection(ChainOptions.Section).Get<ChainOptions>() ?? new ChainOptions();
        if (chain.Mode == ChainMode.DevChain)
        {
            services.AddHostedService<DevHotWalletFunding>();
        }

        return builder;
    }

    public static WebApplication MapWithdrawals(this WebApplication app)
    {
        app.MapWithdrawalEndpoints();
        return app;
    }

    private static bool Parses(string? usdt) => Micros.TryParseUsdt(usdt, out var m, out _) && !m.IsNegative;
}
