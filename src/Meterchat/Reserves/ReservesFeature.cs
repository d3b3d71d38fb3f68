using Meterchat.Ledger;
using Meterchat.Reserves.Ethereum;

namespace Meterchat.Reserves;

public static class ReservesFeature
{
    /// <summary>Proof of reserves: the snapshot service, its hourly job, and the public page's API.</summary>
    public static IHostApplicationBuilder AddReserves(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReservesOptions>().BindConfiguration(ReservesOptions.Section)
            .Validate(o => o.SnapshotInterval >= TimeSpan.FromMinutes(1), "Reserves:SnapshotInterval must be at least one minute.")
            .Validate(o => o.HistoryLength is > 0 and <= 1000, "Reserves:HistoryLength must be between 1 and 1000.")
            .ValidateOnStart();
        builder.Services.AddSingleton<ReservesTreeCache>();
        builder.Services.AddScoped<ReservesSnapshots>();
        builder.Services.AddScoped<EthereumHoldings>();
        builder.Services.AddScoped<IReservesSource, EthereumStablecoinReserves>();
        if (builder.Configuration.GetValue("Reserves:ScheduleEnabled", true))
        {
            builder.Services.AddHostedService<ReservesSnapshotJob>();
        }

        return builder;
    }

    public static WebApplication MapReserves(this WebApplication app)
    {
        app.MapReservesEndpoints();
        return app;
    }
}
