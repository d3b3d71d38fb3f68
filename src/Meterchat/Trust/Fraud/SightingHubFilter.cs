using Meterchat.Chats.Live;
using Meterchat.Web;
using Microsoft.AspNetCore.SignalR;

namespace Meterchat.Trust.Fraud;

/// <summary>Records a sighting when a party joins a chat (after the hub accepted the join), without touching the hub.</summary>
internal sealed class SightingHubFilter : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var result = await next(invocationContext);
        if (invocationContext.Hub is ChatHub && invocationContext.HubMethodName == nameof(ChatHub.Join)
            && invocationContext.Context.User.FindUserId() is { } userId)
        {
            var sightings = invocationContext.ServiceProvider.GetRequiredService<Sightings>();
            await sightings.RecordAsync(userId, invocationContext.Context.GetHttpContext(), invocationContext.Context.ConnectionAborted);
        }

        return result;
    }
}
