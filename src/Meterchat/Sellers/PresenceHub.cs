using Meterchat.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Meterchat.Sellers;

/// <summary>
/// Presence and ringing. Every connection receives presence changes; a seller's page also calls
/// <see cref="AttachSeller"/>, which makes the seller count as connected (online when they chose online).
/// Pushes to one person go to <c>Clients.User(id)</c>.
/// </summary>
[Authorize(AuthenticationSchemes = SellerAuth.Schemes)]
public sealed class PresenceHub(PresenceLinks links, SellerPresence presence) : Hub<IPresenceClient>
{
    public async Task AttachSeller()
    {
        var userId = Context.User.FindUserId() ?? throw new HubException("Not signed in.");
        links.Attach(userId, Context.ConnectionId);
        await presence.RefreshAsync(userId, Context.ConnectionAborted);
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        // The grace keeps the seller online for a while; the sweep takes them offline after it.
        links.Detach(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }
}
