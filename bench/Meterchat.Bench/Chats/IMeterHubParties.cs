namespace Meterchat.Bench.Chats;

/// <summary>The hub clients of <c>meter --hub</c>, wherever they run: in the server's process or a child process.</summary>
internal interface IMeterHubParties : IAsyncDisposable
{
    /// <summary>"in process" or "in a separate process".</summary>
    string Where { get; }

    int Connections { get; }

    /// <summary>The clients' own process memory when it is not the server's (0 in process: counted there).</summary>
    long OwnWorkingSet { get; }

    /// <summary>Opens every user's connection (a buyer and a seller per session to come).</summary>
    Task OpenAsync();

    /// <summary>The parties of these accepted sessions join and start reporting; returns how many parties joined so far.</summary>
    Task<int> JoinAsync(IReadOnlyList<(Guid Id, string Buyer, string Seller)> sessions);

    Task StartMeasuringAsync();

    Task<HubWindow> StopMeasuringAsync();
}
