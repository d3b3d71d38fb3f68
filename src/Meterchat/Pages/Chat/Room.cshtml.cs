using Meterchat.Chats;
using Meterchat.Chats.Live;
using Meterchat.Chats.Store;
using Meterchat.Data;
using Meterchat.Trust.Receipts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Meterchat.Pages.Chat;

/// <summary>The call: both parties' video, the live meter, End; once it is over, the receipt with tip, rating, dispute and report. Party-only.</summary>
public sealed class RoomModel(IChatSessions store, AppDbContext db, TimeProvider time) : PageModel
{
    public Guid SessionId { get; private set; }

    public Party Role { get; private set; }

    public ChatSessionRow Row { get; private set; } = null!;

    /// <summary>Set when the session is already over: the page is then the "after the chat" page.</summary>
    public PartyReceipt? Receipt { get; private set; }

    /// <summary>The other party as this viewer knows them: the seller's display name, or the buyer's short name.</summary>
    public string OtherName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await ChatEndpoints.PartyAsync(store, id, User, ct) is not { } role)
        {
            return NotFound();
        }

        SessionId = id;
        Role = role;
        Row = (await store.FindAsync(id, ct))!;
        if (Row.State is ChatState.Ended or ChatState.Declined or ChatState.Expired or ChatState.Failed)
        {
            Receipt = await PartyReceipts.ForAsync(store, db, id, role, time.GetUtcNow(), ct);
        }

        OtherName = Receipt?.OtherParty
            ?? (role == Party.Buyer ? await Meterchat.Sellers.SellerNames.OfAsync(db, Row.SellerId, ct) : Meterchat.Sellers.ChatRequests.BuyerName(Row.BuyerId));

        return Page();
    }
}
