using System.Diagnostics;

namespace Meterchat.Bench.Chats;

/// <summary>The hub clients in the server's own process (the server's CPU figure includes theirs).</summary>
internal sealed class InProcessParties(MeterHubClients clients, IReadOnlyList<string> users) : IMeterHubParties
{
    private readonly Stopwatch _window = new();

    public string Where => "in process";

    public int Connections => clients.Connections;

    public long OwnWorkingSet => 0;

    public Task OpenAsync() => clients.OpenAsync(users);

    public async Task<int> JoinAsync(IReadOnlyList<(Guid Id, string Buyer, string Seller)> sessions)
    {
        await clients.JoinAsync(sessions.SelectMany(s => new[] { (s.Id, s.Buyer), (s.Id, s.Seller) }));
        return clients.Joined;
    }

    public Task StartMeasuringAsync()
    {
        clients.StartMeasuring();
        _window.Restart();
        return Task.CompletedTask;
    }

    public Task<HubWindow> StopMeasuringAsync()
    {
        var (pushes, reports, lags, live) = clients.StopMeasuring();
        var seconds = _window.Elapsed.TotalSeconds;
        Console.WriteLine($"  states at the end: {clients.States()}");
        return Task.FromResult(new HubWindow(live, clients.Connections, pushes / seconds,
            MeterHubLoad.P(lags, 0.50), MeterHubLoad.P(lags, 0.99), MeterHubLoad.P(lags, 1), pushes + reports, 0));
    }

    public ValueTask DisposeAsync() => clients.DisposeAsync();
}
