using Meterchat.Accounts;
using Meterchat.Admin.Dashboard;
using Meterchat.Chats;
using Meterchat.Data;
using Meterchat.Ledger;
using Meterchat.Web;
using Meterchat.Withdrawals;
using Meterchat.Withdrawals.Ethereum;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Meterchat.Pages;

/// <summary>The seller's earnings: balances, the withdrawal form with its fees, the address book, the history.</summary>
[Authorize(Policy = AccountPolicies.VerifiedEmail)]
public sealed class EarningsModel(
    AppDbContext db, ILedger ledger, WithdrawalRequests requests, TimeProvider time, IOptionsMonitor<WithdrawalsOptions> options, MeterSource meter,
    IOptionsMonitor<EthereumPayoutOptions> ethereum, EthereumPayoutFees ethereumFees) : PageModel
{
    /// <summary>The payout asset and network, "network:ASSET" (tron:USDT, ethereum:USDT, ethereum:USDC).</summary>
    [BindProperty]
    public string Payout { get; set; } = "tron:USDT";

    [BindProperty]
    public string Amount { get; set; } = "";

    [BindProperty]
    public string Unit { get; set; } = "usdt";

    [BindProperty]
    public string Address { get; set; } = "";

    [BindProperty]
    public string? Label { get; set; }

    [BindProperty]
    public string? TwoFactorCode { get; set; }

    /// <summary>The step-up for a new payout address; never shown back.</summary>
    [BindProperty]
    public string? Password { get; set; }

    public UserBalances Balances { get; private set; } = new(Micros.Zero, Micros.Zero, Micros.Zero);

    public IReadOnlyList<Withdrawal> History { get; private set; } = [];

    public IReadOnlyList<PayoutAddress> AddressBook { get; private set; } = [];

    public WithdrawalsOptions Options => options.CurrentValue;

    public EthereumPayoutOptions Ethereum => ethereum.CurrentValue;

    /// <summary>The Ethereum assets this server pays out (none when Ethereum or its hot wallet is off).</summary>
    public IReadOnlyList<string> EthereumAssets => [.. StablecoinsOnEthereum.Where(a => ethereumFees.TokenOf(a).Error is null)];

    private static readonly string[] StablecoinsOnEthereum = ["USDT", "USDC"];

    /// <summary>The platform's commission on chats and tips requested now (admin settings), in basis points.</summary>
    public int CommissionBasisPoints => meter.Current.Options.CommissionBasisPoints;

    /// <summary>The last 30 UTC days: chat share and tips credited per day.</summary>
    public IReadOnlyList<EarningsDay> Days { get; private set; } = [];

    public long TipsMicros => Days.Sum(d => d.TipMicros);

    public long ChatMicros => Days.Sum(d => d.ChatMicros);

    public BarChart Chart => new(
        "earnings-chart",
        "Earnings per day (tokens)",
        $"Your share of chats and your tips per UTC day over the last {EarningsDays.DayCount} days, ending today.",
        [.. Days.Select(d => d.Day.ToString("d MMM", System.Globalization.CultureInfo.InvariantCulture))],
        [new ChartSeries("Chats", "series-a", [.. Days.Select(d => d.ChatMicros)]), new ChartSeries("Tips", "series-b", [.. Days.Select(d => d.TipMicros)])],
        m => new Micros(m).ToTokensString(),
        LabelEvery: 7);

    public DateTimeOffset Now => time.GetUtcNow();

    public string Explorer(Withdrawal w) => string.Format(System.Globalization.CultureInfo.InvariantCulture,
        w.Network == PayoutNetwork.Ethereum ? Ethereum.ExplorerTransactionUrl : Options.ExplorerTxUrl, w.TxId);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostRequestAsync(CancellationToken ct)
    {
        var network = Payout.Split(':')[0];
        var asset = Payout.Contains(':', StringComparison.Ordinal) ? Payout.Split(':')[1] : null;
        var (w, error) = await requests.RequestAsync(UserId, new WithdrawalRequest(Amount, Address, Unit, Label, TwoFactorCode, Password, network, asset), ct);
        if (error is not null)
        {
            ModelState.AddModelError(string.Empty, error.Detail);
            await LoadAsync(ct);
            return Page();
        }

        TempData["Status"] = w!.Status == WithdrawalStatus.InReview
            ? $"Withdrawal of {new Micros(w.Amount).ToUsdtString()} USDT requested; it waits for a review before it is sent."
            : $"Withdrawal of {new Micros(w.Amount).ToUsdtString()} USDT requested; {new Micros(w.Net).ToUsdtString()} {new PayoutRoute(w.Network, w.Asset).Name} will arrive within minutes.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAddressAsync(CancellationToken ct)
    {
        var (a, error) = await requests.AddAddressAsync(UserId, Address, Label, Password, TwoFactorCode, ct);
        if (error is not null)
        {
            ModelState.AddModelError(string.Empty, error.Detail);
            await LoadAsync(ct);
            return Page();
        }

        TempData["Status"] = $"Saved {a!.Address}; usable from {a.UsableAt:yyyy-MM-dd HH:mm} UTC.";
        return RedirectToPage();
    }

    private string UserId => User.UserId();

    private async Task LoadAsync(CancellationToken ct)
    {
        var id = UserId;
        Balances = await ledger.GetBalancesAsync(id, ct);
        History = await SellerPayouts.HistoryAsync(db, id, 100, ct);
        AddressBook = await SellerPayouts.AddressBookAsync(db, id, ct);
        Days = await EarningsDays.ForAsync(db, id, time.GetUtcNow(), ct);
    }
}
