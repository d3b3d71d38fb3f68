using Meterchat.Chats;
using Meterchat.Deposits;
using Meterchat.Withdrawals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Meterchat.Pages.Help;

/// <summary>Help for people new to crypto: the index and one page per topic, public like the storefront.</summary>
[AllowAnonymous]
public sealed class IndexModel(IOptionsMonitor<DepositOptions> deposits, IOptionsMonitor<WithdrawalsOptions> withdrawals, IOptionsMonitor<MeterOptions> meter) : PageModel
{
    public static readonly IReadOnlyList<HelpTopic> Topics =
    [
        new("usdt", "Getting USDT on TRON", "Buy USDT on an exchange or P2P, and send it over the TRON network (TRC20)."),
        new("top-up", "Topping up", "What TRC20 and a TXID are, why the minimum, how long it takes, and what to do when tokens do not arrive."),
        new("fees", "Fees and prices", "What a minute costs, what the platform keeps, and what a withdrawal costs."),
        new("payouts", "Payouts for sellers", "Withdrawing earnings, the fees, review, and the cooldown on a new payout address."),
    ];

    public HelpTopic? Topic { get; private set; }

    public HelpFigures Figures { get; private set; } = null!;

    public IActionResult OnGet(string? topic)
    {
        Figures = HelpFigures.Of(deposits.CurrentValue, withdrawals.CurrentValue, meter.CurrentValue);
        if (topic is null)
        {
            return Page();
        }

        Topic = Topics.FirstOrDefault(t => t.Slug == topic);
        return Topic is null ? NotFound() : Page();
    }
}
