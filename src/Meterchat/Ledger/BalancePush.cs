using Microsoft.AspNetCore.SignalR;

namespace Meterchat.Ledger;

/// <summary>
/// Tells people their new balances after money moved outside a chat's meter. Best effort: a failed push only leaves
/// a header stale until the next page load. Operator verbs run without SignalR, so the hub is optional.
/// </summary>
public sealed class BalancePush(ILedger ledger, IServiceProvider services, ILogger<BalancePush> logger)
{
    private readonly IHubContext<BalanceHub, IBalanceClient>? _hub = services.GetService<IHubContext<BalanceHub, IBalanceClient>>();

    public async Task ChangedAsync(IEnumerable<string> userIds, CancellationToken ct = default)
    {
        if (_hub is null)
        {
            return;
        }

        foreach (var userId in userIds.Distinct(StringComparer.Ordinal))
        {
            try
            {
                var b = await ledger.GetBalancesAsync(userId, ct);
                await _hub.Clients.User(userId).Balances(new BalancesResponse(MoneyJson.Of(b.Wallet), MoneyJson.Of(b.Earnings), MoneyJson.Of(b.Held)));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Pushing the balances of user {UserId} failed", userId);
            }
        }
    }

    public Task ChangedAsync(params string[] userIds) => ChangedAsync((IEnumerable<string>)userIds);
}
