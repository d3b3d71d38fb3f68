using System.Security.Claims;
using Meterchat.Accounts;
using Meterchat.Chats.Live;
using Meterchat.Chats.Store;
using Meterchat.Web;
using Microsoft.AspNetCore.Authorization;

namespace Meterchat.Chats.Receipts;

/// <summary>
/// The published receipt key (anonymous) and the signed receipt file (the two parties and admins). A buyer's receipt
/// file checked in a dispute is Trust's (<c>DisputeReceiptEndpoints</c>).
/// </summary>
public static class ReceiptEndpoints
{
    public const string WellKnownPath = "/.well-known/meterchat-receipts.json";

    public static void MapReceiptApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(WellKnownPath, (ReceiptKey key) => Results.Ok(new { Keys = new[] { key.Public } }))
            .AllowAnonymous().WithTags("Receipts").WithSummary("The public keys that sign Meterchat receipts (ES256).");

        var group = app.MapGroup("/api/chats/{id:guid}").RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = ChatHub.AuthSchemes }).WithTags("Receipts");
        group.MapGet("/receipt/file", Download).WithSummary("The signed receipt with its event log as one JSON file (parties and admins; ended chats).");
    }

    private static async Task<IResult> Download(Guid id, ClaimsPrincipal user, IChatSessions store, SignedReceipts receipts, CancellationToken ct)
    {
        var row = await store.FindAsync(id, ct);
        if (row is null || !MayRead(row, user))
        {
            return NotYours();
        }

        var file = await receipts.ForAsync(row, ct);
        if (file is null)
        {
            return InputProblems.Problem(ReceiptProblems.NotOver, StatusCodes.Status409Conflict, "Chat not over", "The receipt is signed once the chat has ended.");
        }

        return Results.File(System.Text.Encoding.UTF8.GetBytes(file.ToJson()), "application/json", $"meterchat-receipt-{id}.json");
    }

    private static bool MayRead(ChatSessionRow row, ClaimsPrincipal user)
    {
        var userId = user.FindUserId();
        return userId is not null && (userId == row.BuyerId || userId == row.SellerId || user.IsInRole(Roles.Admin));
    }

    // A session of someone else's is indistinguishable from a missing one.
    private static IResult NotYours() =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, type: "chat/not-found", title: "No such chat", detail: "There is no chat with this id among yours.");
}
