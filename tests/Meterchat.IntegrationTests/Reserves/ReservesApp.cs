using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.Ledger;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Reserves;

/// <summary>The app with one more reserves source the test controls: a known amount, and a gate that can hold a snapshot mid-way.</summary>
public sealed class ReservesApp : AppFactory
{
    public HeldReserves Extra { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IReservesSource>(Extra));
    }
}

/// <summary>Reports <see cref="Amount"/>; while <see cref="Gate"/> is set, a snapshot waits on it (to observe "one is running").</summary>
public sealed class HeldReserves : IReservesSource
{
    public Micros Amount { get; set; } = Micros.FromUsdt(1_000);

    public TaskCompletionSource? Gate { get; set; }

    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<Micros> GetReservesAsync(CancellationToken cancellationToken)
    {
        if (Gate is { } gate)
        {
            Entered.TrySetResult();
            await gate.Task.WaitAsync(cancellationToken);
        }

        return Amount;
    }
}
