using System.Net.Http.Json;
using System.Numerics;
using Meterchat.Data;
using Meterchat.Ethereum;
using Meterchat.IntegrationTests.Withdrawals;
using Meterchat.Withdrawals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nethereum.Hex.HexConvertors.Extensions;

namespace Meterchat.IntegrationTests.Ethereum;

/// <summary>
/// The two ways an Ethereum payout's transaction is given up, each proven on ganache and each paid exactly once: a
/// stored transaction the node refuses and does not hold (underpriced, dropped) is replaced with the SAME nonce and a
/// higher fee; a stored transaction whose nonce another transaction of the hot wallet used is rebuilt with a new nonce.
/// </summary>
[Collection(GanacheCollection.Name)]
public sealed class EthereumPayoutReplacementTests(GanacheChain chain)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_dropped_underpriced_payout_is_replaced_with_the_same_nonce_and_paid_once()
    {
        await using var app = await EthereumPayoutsApp.StartAsync(chain);
        var seller = await app.CreateSellerAsync("100");
        var to = await app.UsableAddressAsync(seller);
        var payout = await StoredNotBroadcastAsync(app, seller, to);
        var nonceBefore = await chain.Node.MinedNonceAsync(app.HotWallet, None);

        // What a node drops: the same transfer at the same nonce with a fee under the base fee (as if the base fee rose
        // after signing). Stored in place of the real bytes, as the sender would have stored it.
        var underpriced = EthereumSigner.Sign(app.HotWalletKey, 1337, new BigInteger(payout.Nonce!.Value), new EthereumFee(1, 1, 100_000), chain.Usdt,
            BigInteger.Zero, EthereumNode.TokenTransferData(to, new BigInteger(payout.Net)));
        await SetStoredAsync(app, payout.Id, underpriced.Raw.ToHex(true), underpriced.Hash);

        var sender = app.RestartedSender();
        await sender.ProcessOnceAsync();
        var replaced = await app.WithdrawalAsync(payout.Id);
        Assert.Equal(payout.Nonce, replaced.Nonce);
        Assert.NotEqual(underpriced.Hash, replaced.TxId);
        Assert.Equal(underpriced.Hash, replaced.ReplacedTxIds);
        Assert.Contains("Replaced (same nonce, higher fee)", replaced.FailureReason);

        await FinishAsync(app, sender, payout.Id);
        var paid = await app.WithdrawalAsync(payout.Id);
        Assert.Equal((WithdrawalStatus.Completed, replaced.TxId), (paid.Status, paid.TxId));
        Assert.Null(await chain.Node.ReceiptAsync(underpriced.Hash, None)); // the dropped one can never land: its nonce is spent
        Assert.Equal(nonceBefore + 1, await chain.Node.MinedNonceAsync(app.HotWallet, None));
        Assert.Equal(new BigInteger(paid.Net), await chain.Node.TokenBalanceAsync(chain.Usdt, to, None));
        await app.AssertAuditPassesAsync();
    }

    [Fact]
    public async Task A_payout_whose_nonce_another_transaction_used_is_rebuilt_and_paid_once()
    {
        await using var app = await EthereumPayoutsApp.StartAsync(chain);
        var seller = await app.CreateSellerAsync("100");
        var to = await app.UsableAddressAsync(seller);
        var payout = await StoredNotBroadcastAsync(app, seller, to);

        // Another tool signs with the hot wallet and takes the stored transaction's nonce first.
        var other = await chain.SendAsync(app.HotWalletKey, app.HotWallet, BigInteger.Zero, null);
        Assert.Equal(BigInteger.One, other.Status.Value);
        Assert.Equal(new BigInteger(payout.Nonce!.Value) + 1, await chain.Node.MinedNonceAsync(app.HotWallet, None));

        var sender = app.RestartedSender();
        await FinishAsync(app, sender, payout.Id);
        var paid = await app.WithdrawalAsync(payout.Id);
        Assert.Equal(WithdrawalStatus.Completed, paid.Status);
        Assert.NotEqual(payout.TxId, paid.TxId);
        Assert.Equal(payout.Nonce + 1, paid.Nonce);
        Assert.Null(await chain.Node.ReceiptAsync(payout.TxId!, None));
        Assert.Equal(new BigInteger(paid.Net), await chain.Node.TokenBalanceAsync(chain.Usdt, to, None));
        await app.AssertAuditPassesAsync();
    }

    /// <summary>A 30 USDT payout signed and stored, the sender dying before it broadcasts (nobody has seen the bytes).</summary>
    private async Task<Withdrawal> StoredNotBroadcastAsync(EthereumPayoutsApp app, Seller seller, EthereumAddress to)
    {
        var view = (await (await EthereumPayoutsApp.RequestAsync(seller, "30", to.Checksummed)).Content.ReadFromJsonAsync<WithdrawalView>())!;
        app.Sender.CrashPoint = (at, _) => throw new SimulatedCrashException(at);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => app.Sender.ProcessOnceAsync());
        var stored = await app.WithdrawalAsync(view.Id);
        Assert.Equal(WithdrawalStatus.Stored, stored.Status);
        Assert.Null(await chain.Node.TransactionAsync(stored.TxId!, None));
        return stored;
    }

    private static async Task SetStoredAsync(EthereumPayoutsApp app, long id, string signedHex, string txId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await db.Set<Withdrawal>().Where(w => w.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.SignedHex, signedHex).SetProperty(w => w.TxId, txId)));
    }

    /// <summary>Sender passes and blocks until the payout is final (a bounded number: each pass is one step of its life).</summary>
    private static async Task FinishAsync(EthereumPayoutsApp app, PayoutSender sender, long id)
    {
        for (var pass = 0; pass < 8 && (await app.WithdrawalAsync(id)).Status != WithdrawalStatus.Completed; pass++)
        {
            await sender.ProcessOnceAsync();
            await app.MineAsync(2);
        }
    }

    private sealed class SimulatedCrashException(string at) : Exception(at);
}
