namespace Meterchat.Deposits.Ethereum.Sweeps;

public static class EthereumSweepsFeature
{
    /// <summary>Ethereum sweeps: the service, its keys (read when signing), the optional background job.</summary>
    public static IHostApplicationBuilder AddEthereumSweeps(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EthereumSweepOptions>().BindConfiguration(EthereumSweepOptions.Section)
            .Validate(o => o.Interval > TimeSpan.Zero && o.ThresholdUnits > 0, "Ethereum:Sweeps: Interval and ThresholdUnits must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<SweepKeys>();
        builder.Services.AddScoped<EthereumSweeps>();
        builder.Services.AddScoped<SweepSteps>();
        builder.Services.AddScoped<EthereumDepositAddresses>();
        builder.Services.AddHostedService<EthereumSweepJob>();
        return builder;
    }
}
