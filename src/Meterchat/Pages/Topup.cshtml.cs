using System.Globalization;
using Meterchat.Accounts;
using Meterchat.DevChain;
using Meterchat.Deposits;
using Meterchat.Ethereum;
using Meterchat.Ethereum.Development;
using Meterchat.Ledger;
using Meterchat.Tron.Encoding;
using Meterchat.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Meterchat.Pages;

/// <summary>Top up: the buyer's deposit address (full, QR, copy), the minimum and rate, the TXID form, the history.</summary>
[Authorize(Policy = AccountPolicies.VerifiedEmail)]
public sealed class TopupModel(DepositAddresses addresses, DepositClaims claims, DepositHistory history, IOptionsMonitor<DepositOptions> options) : PageModel
{
    public DepositAddress Address { get; private set; } = null!;

    public const string BadQrType = "topup/bad-qr-request";

    public string QrSvg { get; private set; } = "";

    public Micros Minimum => new(options.CurrentValue.MinimumMicros);

    public long TokensPerUsdt => Micros.PerUsdt / Micros.PerToken;

    public IReadOnlyList<DepositHistoryItem> History { get; private set; } = [];

    public bool DevChain => HttpContext.RequestServices.GetService<DevChainNode>() is not null;

    /// <summary>Development with the app's own Ethereum node (running, starting or off): the page shows its state and the test faucet.</summary>
    public bool DevEthereum => HttpContext.RequestServices.GetService<DevEthereumStatus>() is not null;

    [BindProperty]
    public string? TxId { get; set; }

    [TempData]
    public string? ClaimType { get; set; }

    [TempData]
    public string? ClaimDetail { get; set; }

    [TempData]
    public string? ClaimStatus { get; set; }

    [TempData]
    public string? ClaimTxId { get; set; }

    [TempData]
    public string? TestTxId { get; set; }

    /// <summary>Something may still change (a pending claim, a confirming deposit, test USDT on its way): the page polls.</summary>
    public bool Open => ClaimStatus is "pending" or "confirming" || TestTxId is not null || History.Any(h => h.Status is "pending" or "confirming");

    public string? ExplorerUrl(string txId) =>
        string.IsNullOrWhiteSpace(options.CurrentValue.ExplorerTransactionUrl) ? null : string.Format(CultureInfo.InvariantCulture, options.CurrentValue.ExplorerTransactionUrl, txId);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Address = await addresses.GetOrCreateAsync(UserId, ct);
        QrSvg = DepositQr.Svg(Address.Address);
        History = await history.ForUserAsync(UserId, 50, ct);
        TxId ??= TestTxId;
    }

    public async Task<IActionResult> OnPostClaimAsync(CancellationToken ct)
    {
        var outcome = await claims.ClaimAsync(UserId, TxId, ct);
        ClaimType = outcome.Type;
        ClaimDetail = outcome.Detail;
        ClaimStatus = outcome.Status;
        ClaimTxId = outcome.TxId;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostTestUsdtAsync(CancellationToken ct)
    {
        if (HttpContext.RequestServices.GetService<DevChainNode>() is not { } chain)
        {
            return NotFound();
        }

        var address = await addresses.GetOrCreateAsync(UserId, ct);
        TestTxId = chain.Faucet(TronAddress.Parse(address.Address), FaucetToken.Usdt, 10 * Micros.PerUsdt);
        return RedirectToPage();
    }

    /// <summary>The EIP-681 QR code of an Ethereum deposit address (ETH, or an ERC-20 token's transfer to it), as an SVG image.</summary>
    public IActionResult OnGetEthereumQr(string? address, long chainId, string? token)
    {
        if (!EthereumAddress.TryParse(address, out var to) || chainId <= 0)
        {
            return BadQr("The QR code needs an Ethereum address (0x and 40 hex digits) and a positive chain id.");
        }

        string uri;
        if (string.IsNullOrEmpty(token))
        {
            uri = Eip681.Ether(to!, chainId);
        }
        else if (EthereumAddress.TryParse(token, out var contract))
        {
            uri = Eip681.TokenTransfer(contract!, to!, chainId);
        }
        else
        {
            return BadQr("The token must be a contract address (0x and 40 hex digits).");
        }

        return Content(DepositQr.Svg(uri), "image/svg+xml");
    }

    private BadRequestObjectResult BadQr(string detail) =>
        BadRequest(new ProblemDetails { Type = BadQrType, Title = "Not a payment request", Status = 400, Detail = detail });

    private string UserId => User.UserId();
}
