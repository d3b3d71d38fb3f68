using CsCheck;
using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.Ledger;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Ledger;

/// <summary>Random transfer sequences on the real database (SQLite or PostgreSQL, per MC_TEST_DB).</summary>
public sealed class LedgerPropertyTests(AppFactory app) : IClassFixture<AppFactory>
{
    private ILedger Ledger => app.Services.GetRequiredService<ILedger>();

    [Fact]
    public async Task Random_sequences_match_the_model_and_keep_every_invariant()
    {
        _ = app.Server;
        var users = Gen.Const(0).Select(_ => Enumerable.Range(0, 4).Select(_ => Guid.NewGuid().ToString("N")).ToArray());
        // Several samples run at once (threads), so the ledger also sees concurrent writers on shared system accounts.
        await users.SelectMany(u => LedgerGen.Sequence(u).Select(s => (u, s))).SampleAsync(async sample =>
        {
            var (userIds, requests) = sample;
            var model = new LedgerModel();
            foreach (var request in requests)
            {
                var expected = model.Apply(request);
                var actual = await Ledger.TransferAsync(request);
                Assert.Equal(expected, actual.Status);
                AssertDebitedBalances(model, [request], [actual]);
            }

            foreach (var user in userIds)
            {
                var balances = await Ledger.GetBalancesAsync(user);
                Assert.Equal(model.BalanceOf(AccountRef.Wallet(user)), balances.Wallet.Value);
                Assert.Equal(model.BalanceOf(AccountRef.Earnings(user)), balances.Earnings.Value);
                Assert.Equal(model.BalanceOf(AccountRef.Held(user)), balances.Held.Value);
            }
        }, iter: 24, threads: 4);

        await AssertAuditPasses();
    }

    [Fact]
    public async Task Random_batches_answer_as_their_transfers_would_one_by_one()
    {
        _ = app.Server;
        var users = Gen.Const(0).Select(_ => Enumerable.Range(0, 4).Select(_ => Guid.NewGuid().ToString("N")).ToArray());
        // Whole sequences in a few batches (each key once per batch), so a batch mixes transfers whose debits go
        // set-based with ones that debit or credit the same account as another transfer of the batch.
        await users.SelectMany(u => LedgerGen.Sequence(u).Select(s => (u, s))).SampleAsync(async sample =>
        {
            var (userIds, requests) = sample;
            var model = new LedgerModel();
            foreach (var batch in requests.Chunk(12).Select(Batch))
            {
                var expected = batch.Select(model.Apply).ToList();
                var actual = await Ledger.TransferBatchAsync(batch);
                Assert.Equal(expected, actual.Select(r => r.Status));
                AssertDebitedBalances(model, batch, actual);
            }

            foreach (var user in userIds)
            {
                var balances = await Ledger.GetBalancesAsync(user);
                Assert.Equal(model.BalanceOf(AccountRef.Wallet(user)), balances.Wallet.Value);
                Assert.Equal(model.BalanceOf(AccountRef.Earnings(user)), balances.Earnings.Value);
                Assert.Equal(model.BalanceOf(AccountRef.Held(user)), balances.Held.Value);
            }
        }, iter: 24, threads: 4);

        await AssertAuditPasses();
    }

    // A completed transfer debiting one user account answers with that account's balance after the whole batch.
    private static void AssertDebitedBalances(LedgerModel model, List<TransferRequest> batch, IReadOnlyList<TransferResult> results)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            var debits = batch[i].Legs.Where(l => l.Account.IsUser && l.Amount.IsNegative).Select(l => l.Account).Distinct().ToList();
            if (results[i].Status == TransferStatus.Completed && debits.Count == 1)
            {
                Assert.Equal(model.BalanceOf(debits[0]), results[i].DebitedBalance?.Value);
            }
            else
            {
                Assert.Null(results[i].DebitedBalance);
            }
        }
    }

    // Each key once (a repeated key in one batch answers like its first occurrence, see A_batch_commits_...).
    private static List<TransferRequest> Batch(TransferRequest[] requests) => [.. requests.DistinctBy(r => r.IdempotencyKey)];

    [Fact]
    public async Task A_later_credit_in_a_batch_does_not_rescue_an_earlier_debit()
    {
        var buyer = Guid.NewGuid().ToString("N");
        var seller = Guid.NewGuid().ToString("N");
        await Ledger.TransferAsync(TransferRequest.Move($"dep:{buyer}:0", TransferKind.Deposit, AccountRef.ChainDeposits, AccountRef.Wallet(buyer), new Micros(10_000)));

        // One by one: the first unit does not fit the 10,000 µ wallet; the deposit after it pays for the second.
        var results = await Ledger.TransferBatchAsync(
        [
            LedgerGen.ChatUnit($"u:{buyer}:1", buyer, seller, new Micros(20_000)),
            TransferRequest.Move($"dep:{buyer}:1", TransferKind.Deposit, AccountRef.ChainDeposits, AccountRef.Wallet(buyer), new Micros(50_000)),
            LedgerGen.ChatUnit($"u:{buyer}:2", buyer, seller, new Micros(20_000)),
        ]);

        Assert.Equal([TransferStatus.InsufficientFunds, TransferStatus.Completed, TransferStatus.Completed], results.Select(r => r.Status));
        Assert.Equal(40_000, (await Ledger.GetBalancesAsync(buyer)).Wallet.Value);
        Assert.Equal(15_000, (await Ledger.GetBalancesAsync(seller)).Earnings.Value);
        await AssertAuditPasses();
    }

    [Fact]
    public async Task Concurrent_spenders_never_overdraw_a_wallet()
    {
        var buyer = Guid.NewGuid().ToString("N");
        var seller = Guid.NewGuid().ToString("N");
        await Ledger.TransferAsync(TransferRequest.Move($"dep:{buyer}", TransferKind.Deposit, AccountRef.ChainDeposits, AccountRef.Wallet(buyer), new Micros(1_000_000)));

        // 8 writers race to spend 100 × 30,000 µ from a 1,000,000 µ wallet: exactly 33 can succeed.
        var tasks = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var ok = 0;
            for (var i = 0; i < 100; i += 8)
            {
                var batch = Enumerable.Range(i, 8).Where(k => k % 8 == w)
                    .Select(k => LedgerGen.ChatUnit($"unit:{buyer}:{k}", buyer, seller, new Micros(30_000))).ToList();
                batch.AddRange(Enumerable.Range(i, 8).Where(k => k % 8 != w).Take(2)
                    .Select(k => LedgerGen.ChatUnit($"unit:{buyer}:{k}", buyer, seller, new Micros(30_000))));
                ok += (await Ledger.TransferBatchAsync(batch)).Count(r => r.Status == TransferStatus.Completed);
            }

            return ok;
        }));
        var completed = (await Task.WhenAll(tasks)).Sum();

        var balances = await Ledger.GetBalancesAsync(buyer);
        Assert.Equal(33, completed);
        Assert.Equal(1_000_000 - (33 * 30_000), balances.Wallet.Value);
        Assert.Equal(33 * 22_500, (await Ledger.GetBalancesAsync(seller)).Earnings.Value);
        await AssertAuditPasses();
    }

    [Fact]
    public async Task Replayed_idempotency_key_changes_nothing()
    {
        var user = Guid.NewGuid().ToString("N");
        var deposit = TransferRequest.Move($"deposit:{user}:0", TransferKind.Deposit, AccountRef.ChainDeposits, AccountRef.Wallet(user), Micros.ParseUsdt("5"));
        var first = await Ledger.TransferAsync(deposit);
        var again = await Ledger.TransferAsync(deposit);
        var altered = await Ledger.TransferAsync(deposit with { Legs = [new(AccountRef.ChainDeposits, -Micros.ParseUsdt("6")), new(AccountRef.Wallet(user), Micros.ParseUsdt("6"))] });

        Assert.Equal(TransferStatus.Completed, first.Status);
        Assert.Equal(TransferStatus.Replayed, again.Status);
        Assert.Equal(first.TransferId, again.TransferId);
        Assert.Equal(TransferStatus.KeyConflict, altered.Status);
        Assert.Equal(Micros.ParseUsdt("5"), (await Ledger.GetBalancesAsync(user)).Wallet);
    }

    [Fact]
    public async Task A_batch_commits_the_good_transfers_and_refuses_the_rest()
    {
        var buyer = Guid.NewGuid().ToString("N");
        var seller = Guid.NewGuid().ToString("N");
        await Ledger.TransferAsync(TransferRequest.Move($"dep:{buyer}", TransferKind.Deposit, AccountRef.ChainDeposits, AccountRef.Wallet(buyer), new Micros(50_000)));

        var results = await Ledger.TransferBatchAsync(
        [
            LedgerGen.ChatUnit($"u:{buyer}:1", buyer, seller, new Micros(20_000)),
            LedgerGen.ChatUnit($"u:{buyer}:2", buyer, seller, new Micros(20_000)),
            LedgerGen.ChatUnit($"u:{buyer}:3", buyer, seller, new Micros(20_000)),
            LedgerGen.ChatUnit($"u:{buyer}:1", buyer, seller, new Micros(20_000)),
            new TransferRequest($"u:{buyer}:bad", TransferKind.ChatUnit, [new(AccountRef.Wallet(buyer), new Micros(-1)), new(AccountRef.Earnings(seller), new Micros(2))]),
        ]);

        Assert.Equal(
            [TransferStatus.Completed, TransferStatus.Completed, TransferStatus.InsufficientFunds, TransferStatus.Replayed, TransferStatus.Invalid],
            results.Select(r => r.Status));
        Assert.Equal(10_000, (await Ledger.GetBalancesAsync(buyer)).Wallet.Value);
        Assert.Equal(30_000, (await Ledger.GetBalancesAsync(seller)).Earnings.Value);
        await AssertAuditPasses();
    }

    [Fact]
    public async Task History_lists_a_users_movements_newest_first()
    {
        var user = Guid.NewGuid().ToString("N");
        for (var i = 1; i <= 3; i++)
        {
            await Ledger.TransferAsync(TransferRequest.Move($"h:{user}:{i}", TransferKind.Deposit, AccountRef.ChainDeposits, AccountRef.Wallet(user), Micros.FromUsdt(i), $"tx{i}"));
        }

        var page = await Ledger.GetHistoryAsync(user, 2);
        var next = await Ledger.GetHistoryAsync(user, 2, page[^1].TransferId);

        Assert.Equal(["tx3", "tx2"], page.Select(e => e.Reference));
        Assert.Equal(["tx1"], next.Select(e => e.Reference));
        Assert.Equal(Micros.FromUsdt(3), page[0].Amount);
    }

    private async Task AssertAuditPasses()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<LedgerAuditor>().RunAsync();
        Assert.True(report.Passed, string.Join("; ", report.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}")));
    }
}
