using System.Collections.Concurrent;
using Meterchat.Chats.Live;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Meterchat.Bench.Chats;

/// <summary>
/// The parties of <c>meter --hub</c>: one SignalR client per party (WebSockets, bearer token) that joins its session,
/// reports media at once and then every 2–3 s, and counts the <c>Status</c> pushes it gets and their latency. Runs in
/// the server's process or in a process of its own (<see cref="MeterHubClientProcess"/>).
/// </summary>
internal sealed class MeterHubClients(Uri server, IReadOnlyDictionary<string, string> tokens) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, HubConnection> _hubs = new();
    private readonly ConcurrentBag<Task> _loops = [];
    private readonly ConcurrentDictionary<Guid, string> _lastState = new();
    private readonly CancellationTokenSource _stop = new();
    private ConcurrentQueue<double> _pushLags = new();
    private bool _measuring;
    private long _pushes;
    private long _reports;
    private int _joined;

    public int Connections => _hubs.Count;

    public int Joined => _joined;

    /// <summary>Opens every user's connection (one each), 32 at a time, each retried.</summary>
    public Task OpenAsync(IEnumerable<string> users) =>
        Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (user, ct) =>
        {
            var hub = new HubConnectionBuilder()
                .WithUrl(new Uri(server, ChatHub.Path), o =>
                {
                    o.Transports = HttpTransportType.WebSockets;
                    o.SkipNegotiation = true;
                    o.AccessTokenProvider = () => Task.FromResult<string?>(tokens[user]);
                })
                .Build();
            hub.On<ChatStatus>("Status", st =>
            {
                _lastState[st.SessionId] = st.State;
                if (Volatile.Read(ref _measuring))
                {
                    Interlocked.Increment(ref _pushes);
                    _pushLags.Enqueue((DateTimeOffset.UtcNow - st.ServerNow).TotalMilliseconds);
                }
            });
            await RetryAsync(() => hub.StartAsync(ct), ct);
            _hubs[user] = hub;
        });

    /// <summary>
    /// These parties (of accepted sessions) join, report once and keep reporting; 256 at a time, so the joins waiting
    /// for the clock's gate are applied and stored in large batches (16 at a time joined ~20 parties/s behind ticks).
    /// </summary>
    public Task JoinAsync(IEnumerable<(Guid Session, string User)> parties) =>
        Parallel.ForEachAsync(parties, new ParallelOptions { MaxDegreeOfParallelism = 256 }, async (c, ct) =>
        {
            var hub = _hubs[c.User];
            await RetryAsync(async () => _lastState.TryAdd(c.Session, (await hub.InvokeAsync<JoinResult>("Join", c.Session, ct)).Status.State), ct);
            await hub.InvokeAsync("Report", true, true, ct);
            Interlocked.Increment(ref _joined);
            _loops.Add(ReportLoopAsync(hub, _stop.Token));
        });

    public void StartMeasuring()
    {
        _pushLags = new ConcurrentQueue<double>();
        Interlocked.Exchange(ref _reports, 0);
        Interlocked.Exchange(ref _pushes, 0);
        Volatile.Write(ref _measuring, true);
    }

    /// <summary>What the clients saw in the window: pushes, reports, sorted push latencies (ms), sessions Live now.</summary>
    public (long Pushes, long Reports, double[] PushLags, int Live) StopMeasuring()
    {
        Volatile.Write(ref _measuring, false);
        return (Interlocked.Read(ref _pushes), Interlocked.Read(ref _reports), [.. _pushLags.Order()], _lastState.Values.Count(s => s == "Live"));
    }

    /// <summary>How many sessions each party last saw in each state ("Live 9990, Paused 10"), for a run that goes wrong.</summary>
    public string States() =>
        string.Join(", ", _lastState.Values.GroupBy(s => s).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}"));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_loops);
        await Task.WhenAll(_hubs.Values.Select(h => h.DisposeAsync().AsTask()));
        _stop.Dispose();
    }

    private async Task ReportLoopAsync(HubConnection hub, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(2000 + Random.Shared.Next(1000), stop);
                await hub.InvokeAsync("Report", true, true, stop);
                Interlocked.Increment(ref _reports);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>A connect or join that fails under load (a timeout, a refused socket) is tried again, up to 5 times.</summary>
    private static async Task RetryAsync(Func<Task> attempt, CancellationToken ct)
    {
        for (var i = 1; ; i++)
        {
            try
            {
                await attempt();
                return;
            }
            catch (Exception) when (i < 5 && !ct.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * i), ct);
            }
        }
    }
}
