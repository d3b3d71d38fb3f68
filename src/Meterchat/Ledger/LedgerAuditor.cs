using Meterchat.Data;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Ledger;

/// <summary>Proves the ledger's invariants from the database alone (and reserves from the chain when a source is registered).</summary>
public sealed class LedgerAuditor(AppDbContext db, TimeProvider time, IEnumerable<IReservesSource> reserves)
{
    public async Task<AuditReport> RunAsync(CancellationToken ct = default)
    {
        var accounts = db.Set<LedgerAccount>().AsNoTracking();
        var legs = db.Set<LedgerLeg>().AsNoTracking();

        var sumOfBalances = await accounts.SumAsync(a => a.Balance, ct);
        var sumOfLegs = await legs.SumAsync(l => l.Amount, ct);
        var negativeUsers = await accounts.CountAsync(a => a.Kind != AccountKind.System && a.Balance < 0, ct);
        var drifted = await db.Database.SqlQueryRaw<int>(
            """
            SELECT CAST(COUNT(*) AS INTEGER) AS "Value" FROM "LedgerAccounts" a
            LEFT JOIN (SELECT "AccountId", SUM("Amount") AS s FROM "LedgerLegs" GROUP BY "AccountId") l ON l."AccountId" = a."Id"
            WHERE a."Balance" <> COALESCE(l.s, 0)
            """).SingleAsync(ct);
        // Legs have no foreign keys (written only by the ledger, in their transfer's transaction): proved here instead.
        var orphans = await legs.CountAsync(l => !db.Set<LedgerTransfer>().Any(t => t.Id == l.TransferId) || !accounts.Any(a => a.Id == l.AccountId), ct);
        var unbalanced = await legs.GroupBy(l => l.TransferId).Where(g => g.Sum(l => l.Amount) != 0).CountAsync(ct);

        var liabilities = new Micros(await accounts.Where(a => a.Kind != AccountKind.System).SumAsync(a => a.Balance, ct));
        async Task<Micros> Balance(AccountRef account) =>
            new(await accounts.Where(a => a.Code == account.Code).SumAsync(a => a.Balance, ct));

        // Deposits credit users against chain:deposits (which goes negative); payouts debit held into chain:withdrawals.
        var deposits = -await Balance(AccountRef.ChainDeposits);
        var paidOut = await Balance(AccountRef.ChainWithdrawals);
        var income = await Balance(AccountRef.PlatformRevenue) + await Balance(AccountRef.PlatformFees) + await Balance(AccountRef.PlatformLosses);
        var explained = deposits - paidOut - income;

        // Each source gives its lines; a line that could not be read or valued (an unreachable node, no price) is
        // shown and not counted, so the check never passes on a figure it does not have.
        List<ReservesLine>? lines = null;
        foreach (var source in reserves)
        {
            (lines ??= []).AddRange(await source.GetAuditLinesAsync(ct));
        }

        Micros? onChain = lines?.Aggregate(Micros.Zero, (sum, line) => sum + (line.Value ?? Micros.Zero));

        List<AuditCheck> checks =
        [
            new("Sum of all accounts is zero", sumOfBalances == 0 && sumOfLegs == 0, $"balances sum to {sumOfBalances} µUSDT, legs to {sumOfLegs} µUSDT"),
            new("Every transfer balances", unbalanced == 0, $"{unbalanced} unbalanced transfers"),
            new("Every leg belongs to a transfer and an account", orphans == 0, $"{orphans} legs without their transfer or account"),
            new("Every balance equals the sum of its legs", drifted == 0, $"{drifted} accounts differ from their legs"),
            new("No user account is negative", negativeUsers == 0, $"{negativeUsers} negative user accounts"),
            new("Liabilities = credited deposits − paid out − platform income", liabilities == explained,
                $"liabilities {liabilities.ToUsdtString()} USDT; deposits {deposits.ToUsdtString()} − paid out {paidOut.ToUsdtString()} − income {income.ToUsdtString()} = {explained.ToUsdtString()} USDT"),
        ];
        if (onChain is { } held)
        {
            checks.Add(CoverageCheck(held, liabilities, lines!));
        }

        return new AuditReport(time.GetUtcNow(), checks, new AuditFigures(liabilities, deposits, paidOut, income, onChain, lines));
    }

    private static AuditCheck CoverageCheck(Micros held, Micros liabilities, IReadOnlyList<ReservesLine> lines)
    {
        var counted = string.Join("; ", lines.Where(l => l.Value is not null).Select(l => $"{l.Name} {l.Value!.Value.ToUsdtString()} ({l.Detail})"));
        var missing = lines.Where(l => l.Value is null).Select(l => $"{l.Name}: {l.Detail}").ToList();
        var passed = held >= liabilities;
        var detail = $"on chain {held.ToUsdtString()} USDT [{counted}], liabilities {liabilities.ToUsdtString()} USDT";
        if (missing.Count > 0)
        {
            detail += passed
                ? $"; not counted: {string.Join("; ", missing)}"
                : $"; NOT COUNTED, so coverage cannot be shown: {string.Join("; ", missing)}";
        }

        return new("Reserves on chain cover liabilities", passed, detail);
    }
}
