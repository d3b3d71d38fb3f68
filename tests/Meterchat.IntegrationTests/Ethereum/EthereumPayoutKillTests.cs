using System.Net;
using System.Net.Http.Json;
using System.Numerics;
using Meterchat.Data;
using Meterchat.IntegrationTests.Chats;
using Meterchat.Ledger;
using Meterchat.Withdrawals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Meterchat.IntegrationTests.Ethereum;

/// <summary>
/// A payout's full life with a real kill -9: the built app (a child process) with the payout sender on is killed as
/// soon as the database holds a signed payout, wherever its pass stands; a second process on the same database
/// finishes. Every payout is paid exactly once, whatever was broadcast before the kill.
/// </summary>
[Collection(GanacheCollection.Name)]
public sealed class EthereumPayoutKillTests(GanacheChain chain, ITestOutputHelper output)
{
    private const int Payouts = 10;
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_kill_9_after_storing_signed_payouts_pays_each_once_after_the_restart()
    {
        // Requests as a seller makes them, through the API of an in-process app whose sender is off; it stays up
        // only to read the database (its clock is fake, its sender never runs).
        await using var setup = await EthereumPayoutsApp.StartAsync(chain);
        var seller = await setup.CreateSellerAsync("400");
        var to = await setup.UsableAddressAsync(seller);
        for (var i = 0; i < Payouts; i++)
        {
            var response = await EthereumPayoutsApp.RequestAsync(seller, "30", to.Checksummed);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Equal(WithdrawalStatus.Approved.ToString(), (await response.Content.ReadFromJsonAsync<WithdrawalView>())!.Status);
        }

        var nonceBefore = await chain.Node.MinedNonceAsync(setup.HotWallet, None);
        var environment = Environment(setup);

        await using (var first = await AppProcess.StartAsync(setup.Database, environment))
        {
            await PollAsync(setup, seller.UserId, rows => rows.Any(w => w.SignedHex is not null), () => first.ErrorOutput);
            first.Kill();
        }

        // Read again after the process is gone: what it wrote between the poll and the kill counts too.
        var atKill = await PayoutsAsync(setup, seller.UserId);
        var nonceAtKill = await chain.Node.MinedNonceAsync(setup.HotWallet, None);
        var statusesAtKill = atKill.Select(w => (w.Id, w.Status, w.TxId)).ToList();
        output.WriteLine($"At the kill: {string.Join(", ", atKill.GroupBy(w => w.Status).Select(g => $"{g.Count()} {g.Key}"))}; hot wallet nonce {nonceAtKill - nonceBefore}");
        Assert.Contains(atKill, w => w.Status == WithdrawalStatus.Stored || w.SignedHex is not null);

        // While it is down nothing moves: blocks come, but no payout changes and the hot wallet sends nothing.
        await chain.MineAsync(3);
        Assert.Equal(statusesAtKill, (await PayoutsAsync(setup, seller.UserId)).Select(w => (w.Id, w.Status, w.TxId)).ToList());
        Assert.Equal(nonceAtKill, await chain.Node.MinedNonceAsync(setup.HotWallet, None));

        await using (var second = await AppProcess.StartAsync(setup.Database, environment))
        {
            await PollAsync(setup, seller.UserId, rows => rows.All(w => w.Status == WithdrawalStatus.Completed), () => second.ErrorOutput, mine: true);
        }

        var paid = await PayoutsAsync(setup, seller.UserId);
        Assert.Equal(Payouts, paid.Count);
        Assert.All(paid, w => Assert.Equal(WithdrawalStatus.Completed, w.Status));

        // Signed bytes stored before the kill went out unchanged (the same transaction, not a second one).
        foreach (var before in atKill.Where(w => w.SignedHex is not null))
        {
            var after = paid.Single(w => w.Id == before.Id);
            Assert.Equal((before.TxId, before.SignedHex, before.Nonce), (after.TxId, after.SignedHex, after.Nonce));
        }

        // One transaction per payout, consecutive nonces, each mined and successful.
        Assert.Equal(Payouts, paid.Select(w => w.TxId).Distinct().Count());
        Assert.Equal(Enumerable.Range((int)nonceBefore, Payouts).Select(n => (long)n), paid.Select(w => w.Nonce!.Value).Order());
        foreach (var w in paid)
        {
            Assert.Equal(BigInteger.One, (await chain.Node.ReceiptAsync(w.TxId!, None))!.Status.Value);
        }

        Assert.Equal(nonceBefore + Payouts, await chain.Node.MinedNonceAsync(setup.HotWallet, None));
        Assert.Equal(new BigInteger(paid.Sum(w => w.Net)), await chain.Node.TokenBalanceAsync(chain.Usdt, to, None));

        // The ledger books each payout once.
        using (var scope = setup.Services.CreateScope())
        {
            var references = paid.Select(PayoutTransfers.Reference).ToList();
            var booked = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<LedgerTransfer>()
                .Where(t => t.Kind == TransferKind.WithdrawalPaid && references.Contains(t.Reference!))
                .Select(t => t.Reference).ToListAsync();
            Assert.Equal(references.Order(), booked.Order());
        }

        Assert.Equal(0, await AppProcess.RunVerbAsync(setup.Database, "audit"));
    }

    /// <summary>The test app's settings for the child process, with the payout sender on and no address cooldown.</summary>
    private static Dictionary<string, string> Environment(EthereumPayoutsApp app)
    {
        var environment = app.Settings
            .Where(s => s.Key.StartsWith("Ethereum:", StringComparison.Ordinal) && s.Value is not null)
            .ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
        environment["Withdrawals__SenderEnabled"] = "true";
        environment["Withdrawals__SenderInterval"] = "00:00:00.200";
        environment["Withdrawals__AddressCooldown"] = "00:00:00";
        return environment;
    }

    private static async Task<List<Withdrawal>> PayoutsAsync(EthereumPayoutsApp app, string userId)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Withdrawal>().AsNoTracking()
            .Where(w => w.UserId == userId).OrderBy(w => w.Id).ToListAsync();
    }

    /// <summary>Reads the payouts until <paramref name="done"/> holds; with <paramref name="mine"/> adds a block each round.</summary>
    private async Task<List<Withdrawal>> PollAsync(EthereumPayoutsApp app, string userId, Func<List<Withdrawal>, bool> done, Func<string> errors, bool mine = false)
    {
        var deadline = DateTimeOffset.UtcNow + Deadline;
        List<Withdrawal> rows;
        while (!done(rows = await PayoutsAsync(app, userId)))
        {
            Assert.True(DateTimeOffset.UtcNow < deadline,
                $"Payouts stuck at {string.Join(", ", rows.Select(w => $"{w.Id}:{w.Status}"))}. App stderr:{System.Environment.NewLine}{errors()}");
            if (mine)
            {
                await chain.MineAsync(1);
                await Task.Delay(100);
            }
        }

        return rows;
    }
}
