using Microsoft.AspNetCore.SignalR;

namespace Meterchat.Observability;

/// <summary>Counts open connections of every hub (a global hub filter: no hub changes).</summary>
internal sealed class HubConnectionMetrics(MeterchatMetrics metrics) : IHubFilter
{
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        await next(context);
        metrics.HubConnected(context.Hub.GetType().Name);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        metrics.HubDisconnected(context.Hub.GetType().Name);
        await next(context, exception);
    }
}
