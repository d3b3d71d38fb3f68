using System.Security.Claims;
using Meterchat.Chats.Live;
using Meterchat.Chats.Receipts;
using Meterchat.Chats.Store;
using Meterchat.Data;
using Meterchat.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Trust.Disputes;

/// <summary>A buyer's receipt file checked against the server's in a dispute; the admin deciding it sees the result.</summary>
public static class DisputeReceiptEndpoints
{
    // A receipt file of a long chat is a few hundred kB; anything far bigger is not one.
    private const int MaxUploadChars = 8 * 1024 * 1024;

    public static void MapDisputeReceipts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/chats/{id:guid}").RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = ChatHub.AuthSchemes }).WithTags("Receipts");
        group.MapPost("/dispute/receipt", CheckInDispute).WithSummary("The buyer's receipt file compared with the server's; the result is shown to the admin deciding the dispute.");
    }

    private static async Task<IResult> CheckInDispute(Guid id, HttpRequest request, ClaimsPrincipal user, IChatSessions store, SignedReceipts receipts, ReceiptKey key, AppDbContext db, CancellationToken ct)
    {
        var row = await store.FindAsync(id, ct);
        if (row is null || user.FindUserId() != row.BuyerId)
        {
            return NotYours();
        }

        var dispute = await db.Set<Dispute>().SingleOrDefaultAsync(d => d.SessionId == id, ct);
        if (dispute is null)
        {
            return InputProblems.Problem(ReceiptProblems.NoDispute, StatusCodes.Status409Conflict, "No dispute", "Open a dispute on this chat first, then attach your receipt file.");
        }

        using var reader = new StreamReader(request.Body);
        var buffer = new char[MaxUploadChars + 1];
        var read = await reader.ReadBlockAsync(buffer, ct);
        var uploaded = read > MaxUploadChars ? null : ReceiptFile.TryParse(new string(buffer, 0, read), out _);
        var server = await receipts.ForAsync(row, ct);
        if (uploaded is null || server is null)
        {
            return InputProblems.Problem(ReceiptProblems.InvalidFile, StatusCodes.Status400BadRequest, "Not a receipt file",
                "The upload is not a Meterchat receipt file (download it from the chat's receipt).");
        }

        var match = ReceiptMatch.Of(uploaded, server, key.Public);
        dispute.BuyerReceiptMatches = match.Matches;
        dispute.BuyerReceiptCheck = match.Detail;
        dispute.Version++;
        await db.SaveChangesAsync(ct);
        return Results.Ok(match);
    }

    // A session of someone else's is indistinguishable from a missing one.
    private static IResult NotYours() =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, type: "chat/not-found", title: "No such chat", detail: "There is no chat with this id among yours.");
}
