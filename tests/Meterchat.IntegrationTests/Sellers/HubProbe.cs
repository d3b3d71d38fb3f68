using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Meterchat.Sellers;

namespace Meterchat.IntegrationTests.Sellers;

/// <summary>A real SignalR client of the presence hub that records every push; tests await the one they expect.</summary>
public sealed class HubProbe : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly Lock _gate = new();
    private readonly List<(string Method, object Payload)> _seen = [];
    private readonly List<(Func<string, object, bool> Match, TaskCompletionSource<object> Done)> _waiting = [];

    private HubProbe(HubConnection connection)
    {
        Connection = connection;
        connection.On<PresenceUpdate>(nameof(IPresenceClient.PresenceChanged), u => Record(nameof(IPresenceClient.PresenceChanged), u));
        connection.On<RingCard>(nameof(IPresenceClient.Ring), c => Record(nameof(IPresenceClient.Ring), c));
        connection.On<RequestUpdate>(nameof(IPresenceClient.RingEnded), u => Record(nameof(IPresenceClient.RingEnded), u));
        connection.On<RequestUpdate>(nameof(IPresenceClient.RequestUpdated), u => Record(nameof(IPresenceClient.RequestUpdated), u));
        connection.On<Guid>(nameof(IPresenceClient.ChatStarted), id => Record(nameof(IPresenceClient.ChatStarted), id));
    }

    public HubConnection Connection { get; }

    public static async Task<HubProbe> ConnectAsync(WebApplicationFactory<Program> factory, string accessToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, "/hubs/presence"), o =>
            {
                o.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
            })
            .Build();
        var probe = new HubProbe(connection);
        await connection.StartAsync();
        return probe;
    }

    /// <summary>The first push of <paramref name="method"/> (already seen or still to come) that matches.</summary>
    public async Task<T> WaitAsync<T>(string method, Func<T, bool>? match = null)
    {
        bool Fits(string m, object p) => m == method && p is T t && (match?.Invoke(t) ?? true);
        TaskCompletionSource<object> done;
        lock (_gate)
        {
            foreach (var (m, p) in _seen)
            {
                if (Fits(m, p))
                {
                    return (T)p;
                }
            }

            done = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add((Fits, done));
        }

        try
        {
            return (T)await done.Task.WaitAsync(Timeout);
        }
        catch (TimeoutException)
        {
            string seen;
            lock (_gate)
            {
                seen = string.Join("; ", _seen.Select(s => $"{s.Method} {JsonSerializer.Serialize(s.Payload)}"));
            }

            throw new TimeoutException($"No {method} push within {Timeout}. Seen: {seen}");
        }
    }

    public bool HasSeen<T>(string method, Func<T, bool> match)
    {
        lock (_gate)
        {
            return _seen.Any(s => s.Method == method && s.Payload is T t && match(t));
        }
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();

    private void Record(string method, object payload)
    {
        lock (_gate)
        {
            _seen.Add((method, payload));
            foreach (var w in _waiting.Where(w => w.Match(method, payload)).ToList())
            {
                _waiting.Remove(w);
                w.Done.TrySetResult(payload);
            }
        }
    }
}
