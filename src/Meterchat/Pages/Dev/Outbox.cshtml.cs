using System.Text.RegularExpressions;
using Meterchat.Accounts;
using Meterchat.Accounts.Mail;
using Meterchat.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Pages.Dev;

/// <summary>/dev/outbox: the mails the development outbox kept. Not found outside Development and Testing.</summary>
[AllowAnonymous]
public sealed partial class OutboxModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<OutboxMail> Mails { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!AccountsFeature.IsOutboxShown(HttpContext.RequestServices))
        {
            return NotFound();
        }

        Mails = await db.Set<OutboxMail>().AsNoTracking().OrderByDescending(m => m.Id).Take(50).ToListAsync(cancellationToken);
        return Page();
    }

    public static IEnumerable<string> Links(string text) => LinkPattern().Matches(text).Select(m => m.Value);

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
