using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Meterchat.Ledger;

/// <summary>
/// The light per-person channel behind the header balance: the client only listens; the server pushes to
/// <c>Clients.User(id)</c> when a deposit is credited, a tip moves or a refund lands (never on a timer; a chat's
/// units reach the buyer in the chat's own status push).
/// </summary>
[Authorize(AuthenticationSchemes = "Identity.Bearer,Identity.Application")]
public sealed class BalanceHub : Hub<IBalanceClient>
{
    public const string Path = "/hubs/balance";
}
