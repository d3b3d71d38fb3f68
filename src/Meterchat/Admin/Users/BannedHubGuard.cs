using System.Collections.Concurrent;
using Meterchat.Accounts;
using Meterchat.Data;
using Meterchat.Web;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Admin.Users;

/// <summary>
/// A hub connection outlives the request that authenticated it, so <see cref="BannedUserCheck"/> never sees it
/// again. This filter remembers each user's connections on this node: a ban closes them at once
/// (<see cref="CloseFor"/>), and a join or signal from a banned user (a connection on another node) is refused and
/// closes that connection.
/// </summary>
public sealed class BannedHubGuard : IHubFilter
{
    private static readonly string[] Checked = ["Join", "Signal", "AttachSeller"];
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, HubCallerContext>> _connections = new(StringComparer.Ordinal);

    /// <summary>Closes every hub connection the user has on this node; returns how many.</summary>
    public int CloseFor(string userId)
    {
        if (!_connections.TryRemove(userId, out var open))
        {
            return 0;
        }

        foreach (var connection in open.Values)
        {
            connection.Abort();
        }

        return open.Count;
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (Checked.Contains(invocationContext.HubMethodName) && UserId(invocationContext.Context) is { } userId)
        {
            var db = invocationContext.ServiceProvider.GetRequiredService<AppDbContext>();
            if (await db.Set<AppUser>().AsNoTracking().AnyAsync(u => u.Id == userId && u.BannedAt != null, invocationContext.Context.ConnectionAborted))
            {
                invocationContext.Context.Abort();
                throw new HubException("This account is banned.");
            }
        }

        return await next(invocationContext);
    }

    public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        if (UserId(context.Context) is { } userId)
        {
            _connections.GetOrAdd(userId, _ => new(StringComparer.Ordinal))[context.Context.ConnectionId] = context.Context;
        }

        return next(context);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        if (UserId(context.Context) is { } userId && _connections.TryGetValue(userId, out var open))
        {
            open.TryRemove(context.Context.ConnectionId, out _);
        }

        return next(context, exception);
    }

    private static string? UserId(HubCallerContext context) => context.User.FindUserId();
}
