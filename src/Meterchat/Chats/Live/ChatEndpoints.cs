using System.Security.Claims;
using Meterchat.Chats.Store;
using Meterchat.Web;
using Microsoft.AspNetCore.Authorization;

namespace Meterchat.Chats.Live;

/// <summary>Party-only HTTP endpoints: the clean leave (sendBeacon on pagehide). The receipt and history are Trust's (they add names, tips, disputes).</summary>
public static class ChatEndpoints
{
    public static void MapChatApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/chats").RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = ChatHub.AuthSchemes });

        group.MapPost("/{id:guid}/leave", async (Guid id, ClaimsPrincipal user, IChatSessions store, LiveSessions sessions, TimeProvider time, CancellationToken ct) =>
        {
            var party = await PartyAsync(store, id, user, ct);
            if (party is not { } p)
            {
                return NotYours();
            }

            await sessions.ApplyAsync(id, new PartyLeft(time.GetUtcNow(), p), ct);
            return Results.NoContent();
        }).DisableAntiforgery();
    }

    /// <summary>The caller's part in the session, or null when it is not theirs (or does not exist).</summary>
    public static async Task<Party?> PartyAsync(IChatSessions store, Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var row = await store.FindAsync(id, ct);
        var userId = user.FindUserId();
        return row is null || userId is null ? null : userId == row.BuyerId ? Party.Buyer : userId == row.SellerId ? Party.Seller : null;
    }

    // A session of someone else's is indistinguishable from a missing one.
    private static IResult NotYours() =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, type: "chat/not-found", title: "No such chat", detail: "There is no chat with this id among yours.");
}
