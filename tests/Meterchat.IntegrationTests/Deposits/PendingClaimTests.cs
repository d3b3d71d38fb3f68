using System.Net;
using Meterchat.Data;
using Meterchat.DevChain;
using Meterchat.Deposits;
using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.Tron.Crypto;
using Meterchat.Tron.Encoding;
using Meterchat.Tron.Transactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Deposits;

/// <summary>Claims of TXIDs the network does not know yet: a cap per user, and a re-check that reaches every one of them.</summary>
public sealed class PendingClaimTests
{
    [Fact]
    public async Task A_user_may_leave_at_most_ten_unknown_txids_waiting()
    {
        await using var app = new AppFactory();
        var d = new DepositsDriver(app, app);
        var user = await d.NewUserAsync();
        var junk = Enumerable.Range(0, 10).Select(_ => RandomTxId()).ToList();
        foreach (var txId in junk)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await user.ClaimAsync(txId)).StatusCode);
        }

        var eleventh = await user.ClaimAsync(RandomTxId());
        var again = await user.ClaimAsync(junk[0]);
        var real = d.Chain.Faucet(user.Address, FaucetToken.Usdt, 4_000_000);
        d.UntilFinal();
        var credited = await user.ClaimAsync(real);

        Assert.Equal(HttpStatusCode.TooManyRequests, eleventh.StatusCode);
        var problem = await eleventh.JsonAsync();
        Assert.Equal(ClaimOutcome.TooManyPendingType, problem.GetProperty("type").GetString());
        Assert.Contains("at most 10", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode); // one already waiting is re-checked, not counted twice
        Assert.Equal(HttpStatusCode.OK, credited.StatusCode); // a TXID the network knows is never refused by the cap
        Assert.Equal(4_000_000, await DepositsDriver.WalletAsync(user));
        Assert.Equal(10, (await user.HistoryAsync()).Count(i => i.Status == "pending")); // the refused one is not kept
    }

    [Fact]
    public async Task Every_waiting_claim_gets_its_recheck_however_many_older_ones_wait()
    {
        await using var app = new AppFactory();
        var d = new DepositsDriver(app, app);
        var pasteBin = await d.NewUserAsync("junk");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // More unknown TXIDs than one pass re-checks (100), all older than the real claim below.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var userId = await db.Users.Where(u => u.Email == pasteBin.Email).Select(u => u.Id).SingleAsync();
            db.AddRange(Enumerable.Range(0, 150).Select(_ => new DepositClaim { UserId = userId, TxId = RandomTxId(), CreatedAt = app.Time.GetUtcNow() }));
            await db.SaveChangesAsync();
        }

        var user = await d.NewUserAsync();
        var sender = d.FundedKey(0);
        var trx = Sign(d, sender, user.Address);
        Assert.Equal(HttpStatusCode.Accepted, (await user.ClaimAsync(trx.TxIdHex)).StatusCode);
        d.Broadcast(trx);
        d.UntilFinal();

        await d.Watcher.ProcessAvailableBlocksAsync();
        await d.Watcher.ProcessAvailableBlocksAsync();

        // Only the re-check can answer it: the watcher's block scan credits USDT, and this landed as a TRX transfer.
        await using var check = app.Services.CreateAsyncScope();
        var claim = await check.ServiceProvider.GetRequiredService<AppDbContext>().Set<DepositClaim>().AsNoTracking().SingleAsync(c => c.TxId == trx.TxIdHex);
        Assert.Equal(ClaimOutcome.NotUsdtType, claim.Outcome);
        Assert.NotNull(claim.ResolvedAt);
    }

    private static SignedTransaction Sign(DepositsDriver d, TronKey from, TronAddress to)
    {
        var head = d.Chain.Head;
        var raw = TransactionRaw.Create(
            Tapos.FromBlock(head.Number, Hex.Parse(head.BlockId)),
            head.Timestamp.ToUnixTimeMilliseconds() + 60_000,
            head.Timestamp.ToUnixTimeMilliseconds(),
            0,
            new TransferContract(from.Address, to, 1_000_000));
        return SignedTransaction.Sign(raw, from);
    }

    private static string RandomTxId() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
}
