using Meterchat.Chats.Live;
using Meterchat.Chats.Store;
using Meterchat.Data;
using Meterchat.Trust.Receipts;
using Meterchat.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Meterchat.Pages.Chat;

/// <summary>The signed-in user's chats, as buyer or seller, newest first: with whom, what happened, what it cost.</summary>
public sealed class HistoryModel(IChatSessions store, AppDbContext db) : PageModel
{
    public IReadOnlyList<HistoryLine> Lines { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Lines = await ChatHistory.ForAsync(store, db, User.UserId(), 100, ct);
}
