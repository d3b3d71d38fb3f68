using Meterchat.Accounts;
using Meterchat.Admin;
using Meterchat.Audit;
using Meterchat.Reserves;
using Meterchat.Reserves.Ethereum;
using Meterchat.Web;
using Meterchat.Withdrawals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Meterchat.Pages.Admin;

/// <summary>Hot wallet balances, liabilities against reserves, payouts waiting, chain costs, and the sweep.</summary>
[Authorize(Policy = AccountPolicies.Admin)]
public sealed class TreasuryModel(Treasury treasury, ReservesSnapshots snapshots, EthereumHoldings ethereum) : PageModel
{
    public TreasuryView? View { get; private set; }

    /// <summary>ETH, USDT and USDC on the Ethereum hot wallet and unswept deposit addresses.</summary>
    public EthereumHoldingsView Ethereum { get; private set; } = EthereumHoldingsView.Off;

    public SweepResult? Swept { get; private set; }

    /// <summary>The outcome of "Publish a snapshot now": the snapshot, or why none was taken.</summary>
    public Outcome<SnapshotView>? Snapshot { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        View = await treasury.ViewAsync(ct);
        Ethereum = await ethereum.ReadAsync(ct);
    }

    /// <summary>The key comes in the form and goes out of memory with the request: never stored, never echoed.</summary>
    public async Task<IActionResult> OnPostSweepAsync(string? privateKey, string? mnemonic, uint? index, CancellationToken ct)
    {
        var (result, error) = await treasury.SweepAsync(new SweepRequest(privateKey, mnemonic, index), AdminActor.From(User), ct);
        if (error is not null)
        {
            ModelState.AddModelError(string.Empty, error.Detail);
        }

        Swept = result;
        View = await treasury.ViewAsync(ct);
        Ethereum = await ethereum.ReadAsync(ct);
        return Page();
    }

    /// <summary>Publishes a proof-of-reserves snapshot now (the same as the hourly job); refused while one is running.</summary>
    public async Task<IActionResult> OnPostSnapshotAsync(CancellationToken ct)
    {
        Snapshot = await snapshots.TakeForAdminAsync(AdminActor.From(User), ct);
        View = await treasury.ViewAsync(ct);
        Ethereum = await ethereum.ReadAsync(ct);
        return Page();
    }
}
