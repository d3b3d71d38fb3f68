using Meterchat.Chats;
using Meterchat.Chats.Live;
using Meterchat.Chats.Retention;
using Meterchat.Chats.Store;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Meterchat.Pages.Chat;

/// <summary>The call: both parties' video, the live meter, End, and the receipt once it is over. Party-only.</summary>
public sealed class RoomModel(IChatSessions store, TimeProvider time) : PageModel
{
    public Guid SessionId { get; private set; }

    public Party Role { get; private set; }

    public ChatSessionRow Row { get; private set; } = null!;

    /// <summary>Set when the session is already over.</summary>
    public ReceiptView? Receipt { get; private set; }

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
            Receipt = await SessionReceipts.ForAsync(store, id, time.GetUtcNow(), ct);
        }

        return Page();
    }
}
