using System.Security.Claims;
using Meterchat.Chats;
using Meterchat.Chats.Live;
using Meterchat.Chats.Store;
using Meterchat.Data;
using Meterchat.Web;
using Microsoft.AspNetCore.Authorization;

namespace Meterchat.Trust.Receipts;

/// <summary>A party's receipt and the user's history: the chat's figures with names, tips, refunds and disputes.</summary>
public static class PartyReceiptEndpoints
{
    public static void MapPartyReceipts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/chats").RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = ChatHub.AuthSchemes });

        group.MapGet("/{id:guid}/receipt", async (Guid id, ClaimsPrincipal user, IChatSessions store, AppDbContext db, TimeProvider time, CancellationToken ct) =>
        {
            if (await ChatEndpoints.PartyAsync(store, id, user, ct) is not { } party)
            {
                return NotYours();
            }

            return Results.Ok(await PartyReceipts.ForAsync(store, db, id, party, time.GetUtcNow(), ct));
        });

        group.MapGet("/", async (ClaimsPrincipal user, IChatSessions store, AppDbContext db, CancellationToken ct) =>
            Results.Ok(await ChatHistory.ForAsync(store, db, user.UserId(), 100, ct)));
    }

    // A session of someone else's is indistinguishable from a missing one.
    private static IResult NotYours() =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, type: "chat/not-found", title: "No such chat", detail: "There is no chat with this id among yours.");
}
