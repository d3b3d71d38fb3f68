using System.Security.Claims;
using Meterchat.Chats.Store;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Meterchat.Pages.Chat;

/// <summary>The signed-in user's chats, as buyer or seller, newest first.</summary>
public sealed class HistoryModel(IChatSessions store) : PageModel
{
    public string UserId { get; private set; } = "";

    public IReadOnlyList<ChatSessionRow> Sessions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        UserId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        Sessions = await store.ListForUserAsync(UserId, 100, ct);
    }
}
