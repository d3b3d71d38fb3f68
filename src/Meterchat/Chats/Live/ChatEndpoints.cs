using System.Security.Claims;
using Meterchat.Data;
using Meterchat.Chats.Store;
using Meterchat.Web;
using Microsoft.AspNetCore.Authorization;

namespace Meterchat.Chats.Live;

/// <summary>Party-only HTTP endpoints: the clean leave (sendBeacon on pagehide), the receipt, the user's history.</summary>
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

        group.MapGet("/{id:guid}/receipt", async (Guid id, ClaimsPrincipal user, IChatSessions store, AppDbContext db, TimeProvider time, CancellationToken ct) =>
        {
            if (await PartyAsync(store, id, user, ct) is not { } party)
            {
                return NotYours();
            }

            return Results.Ok(await PartyReceipts.ForAsync(store, db, id, party, time.GetUtcNow(), ct));
        });

        group.MapGet("/", async (ClaimsPrincipal user, IChatSessions store, AppDbContext db, CancellationToken ct) =>
            Results.Ok(await ChatHistory.ForAsync(store, db, user.UserId(), 100, ct)));
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
