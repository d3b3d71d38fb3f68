using Meterchat.Chain;
using Meterchat.Deposits.Ethereum;
using Meterchat.DevChain;
using Meterchat.Deposits.Ethereum.Sweeps;
using Meterchat.Ledger;
using Meterchat.Tron.Crypto;
using Microsoft.Extensions.Options;

namespace Meterchat.Deposits;

public static class DepositsFeature
{
    /// <summary>Deposit addresses (from the account xpub), TXID claims, the history and the block watcher.</summary>
    public static IHostApplicationBuilder AddDeposits(this IHostApplicationBuilder builder)
    {
        var production = builder.Environment.IsProduction();
        builder.Services.AddOptions<DepositOptions>().BindConfiguration(DepositOptions.Section)
            .Validate(o => !production || !string.IsNullOrWhiteSpace(o.AccountXpub), "Deposits:AccountXpub (the account xpub of m/44'/195'/0') is required in Production.")
            .Validate(o => o.AccountXpub?.TrimStart().StartsWith("xprv", StringComparison.Ordinal) != true, "Deposits:AccountXpub must be the extended PUBLIC key (xpub…); the server never holds deposit private keys.")
            .Validate(o => string.IsNullOrWhiteSpace(o.AccountXpub) || IsAccountXpub(o.AccountXpub), "Deposits:AccountXpub is not an account xpub of m/44'/195'/0' (depth 3).")
            .Validate(o => o.MinimumMicros > 0, "Deposits:MinimumMicros must be positive.")
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.MaxBlocksPerPass > 0, "Deposits:PollInterval and MaxBlocksPerPass must be positive.")
            .ValidateOnStart();
        if (builder.Configuration.GetSection(ChainOptions.Section).Get<ChainOptions>()?.Mode is null or ChainMode.DevChain)
        {
            var lag = builder.Configuration.GetValue<int?>("Chain:DevChain:SolidityLag") ?? new DevChainOptions().SolidityLag;
            builder.Services.PostConfigure<DepositOptions>(o => o.ConfirmationsRequired = lag);
        }

        builder.Services.AddSingleton(sp => DepositKeySource.Resolve(
            sp.GetRequiredService<IOptions<DepositOptions>>().Value,
            sp.GetRequiredService<IConfiguration>(),
            sp.GetRequiredService<IHostEnvironment>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DepositKeySource))));
        builder.Services.AddScoped<DepositAddresses>();
        builder.Services.AddScoped<DepositBook>();
        builder.Services.AddScoped<DepositClaims>();
        builder.Services.AddScoped<DepositHistory>();
        builder.Services.AddScoped<IReservesSource, UnsweptDepositReserves>();
        builder.Services.AddScoped<IPlatformAddresses, DepositAddressOwnership>();
        builder.Services.AddSingleton<DepositWatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DepositWatcher>());
        AddEthereumDeposits(builder.Services);
        builder.AddEthereumSweeps();
        return builder;
    }

    /// <summary>
    /// Ethereum deposits (claims, the watcher, the history's Ethereum lines). Registering connects to nothing: with
    /// Ethereum off (no Ethereum:RpcUrl, or no deposit key in Production) the watcher idles and the API says so.
    /// </summary>
    private static void AddEthereumDeposits(IServiceCollection services)
    {
        services.AddSingleton<EthereumDepositKeySource>();
        services.AddSingleton<EthereumDepositAddressMap>();
        services.AddScoped<IPlatformAddresses, EthereumDepositAddressOwnership>();
        services.AddScoped<EthereumDepositBook>();
        services.AddScoped<EthereumDepositClaims>();
        services.AddRateLimiter(o => o.AddPolicy<string, EthereumClaimRateLimitPolicy>(EthereumClaimRateLimitPolicy.Name));
        services.AddSingleton<EthereumDepositWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<EthereumDepositWatcher>());
    }

    public static WebApplication MapDeposits(this WebApplication app)
    {
        app.MapDepositEndpoints();
        app.MapEthereumDepositEndpoints();
        app.MapDevEthereum();
        app.MapEthereumSweepEndpoints();
        return app;
    }

    private static bool IsAccountXpub(string xpub)
    {
        try
        {
            DepositKeys.FromAccountXpub(xpub);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
