using System.Data.Common;
using Meterchat.Chats.Store;
using Meterchat.Data;
using Meterchat.Ledger;
using Meterchat.Sellers;
using Meterchat.Withdrawals;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Admin.Dashboard;

/// <summary>
/// The dashboard's figures. Money per day comes from the ledger's legs on the system accounts (one grouped query);
/// chats per hour from the session rows (one grouped query); the rest from each feature's own small service.
/// </summary>
public sealed class AdminDashboard(
    AppDbContext db,
    IChatSessions chats,
    SellerPresence presence,
    WithdrawalReview review,
    LedgerAuditor auditor,
    TimeProvider time)
{
    public const int DayCount = 30;
    public const int HourCount = 24;
    private const int Day = 86_400;
    private const int Hour = 3_600;

    public async Task<DashboardView> RunAsync(CancellationToken ct = default) => (await RunWithAuditAsync(ct)).View;

    /// <summary>The figures and the audit they quote (the page lists the audit's checks too).</summary>
    public async Task<(DashboardView View, AuditReport Audit)> RunWithAuditAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var days = await DaysAsync(today, ct);
        var hours = await HoursAsync(now, ct);
        var (online, busy) = await presence.CountAsync(ct);
        var audit = await auditor.RunAsync(ct);
        var view = new DashboardView(
            now,
            await chats.CountRunningAsync(ct),
            online,
            busy,
            await review.CountWaitingAsync(ct),
            days[^1],
            audit.Figures.Liabilities.Value,
            audit.Figures.OnChainReserves?.Value,
            audit.Passed,
            days,
            hours,
            [.. (audit.Figures.ReservesLines ?? []).Where(l => l.Value is null).Select(l => l.Name)]);
        return (view, audit);
    }

    private async Task<IReadOnlyList<DayFigures>> DaysAsync(DateOnly today, CancellationToken ct)
    {
        var first = today.AddDays(1 - DayCount);
        var from = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        string[] codes = [AccountRef.PlatformRevenue.Code, AccountRef.PlatformFees.Code, AccountRef.ChainDeposits.Code, AccountRef.ChainWithdrawals.Code];
        var accounts = await db.Set<LedgerAccount>().AsNoTracking().Where(a => codes.Contains(a.Code)).ToDictionaryAsync(a => a.Id, a => a.Code, ct);
        var sums = new Dictionary<(string Code, long Bucket), (long Count, long Amount)>();
        if (accounts.Count > 0)
        {
            var bucket = TimeBuckets.Sql(db.Database, "t.\"CreatedAt\"", Day);
            var ids = string.Join(", ", accounts.Keys);
            var sql = $"""
                SELECT l."AccountId", {bucket}, COUNT(*), CAST(SUM(l."Amount") AS bigint)
                FROM "LedgerLegs" l JOIN "LedgerTransfers" t ON t."Id" = l."TransferId"
                WHERE l."AccountId" IN ({ids}) AND t."CreatedAt" >= @from
                GROUP BY l."AccountId", {bucket}
                """;
            await foreach (var row in QueryAsync(sql, from, 4, ct))
            {
                sums[(accounts[row[0]], row[1])] = (row[2], row[3]);
            }
        }

        (long Count, long Amount) At(string code, long bucket) => sums.GetValueOrDefault((code, bucket));
        var result = new List<DayFigures>(DayCount);
        for (var day = first; day <= today; day = day.AddDays(1))
        {
            var b = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds() / Day;
            var deposits = At(AccountRef.ChainDeposits.Code, b);
            var payouts = At(AccountRef.ChainWithdrawals.Code, b);
            result.Add(new DayFigures(
                day,
                At(AccountRef.PlatformRevenue.Code, b).Amount + At(AccountRef.PlatformFees.Code, b).Amount,
                (int)deposits.Count,
                -deposits.Amount,
                (int)payouts.Count,
                payouts.Amount));
        }

        return result;
    }

    private async Task<IReadOnlyList<HourFigures>> HoursAsync(DateTimeOffset now, CancellationToken ct)
    {
        var current = now.ToUnixTimeSeconds() / Hour;
        var firstHour = current - HourCount + 1;
        var bucket = TimeBuckets.Sql(db.Database, "s.\"CreatedAt\"", Hour);
        var sql = $"""
            SELECT {bucket}, COUNT(*), SUM(CASE WHEN s."UnitsCharged" > 0 THEN 1 ELSE 0 END)
            FROM "ChatSessions" s
            WHERE s."CreatedAt" >= @from
            GROUP BY {bucket}
            """;
        var counts = new Dictionary<long, (long Requested, long Billed)>();
        await foreach (var row in QueryAsync(sql, TimeBuckets.Start(firstHour, Hour), 3, ct))
        {
            counts[row[0]] = (row[1], row[2]);
        }

        var result = new List<HourFigures>(HourCount);
        for (var h = firstHour; h <= current; h++)
        {
            var (requested, billed) = counts.GetValueOrDefault(h);
            result.Add(new HourFigures(TimeBuckets.Start(h, Hour), (int)requested, (int)billed));
        }

        return result;
    }

    /// <summary>Runs a read-only reporting query whose columns are all integers.</summary>
    private async IAsyncEnumerable<long[]> QueryAsync(string sql, DateTimeOffset from, int columns,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }

        try
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = sql;
            var p = command.CreateParameter();
            p.ParameterName = "@from";
            p.Value = TimeBuckets.Parameter(db.Database, from);
            command.Parameters.Add(p);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var row = new long[columns];
                for (var i = 0; i < columns; i++)
                {
                    row[i] = reader.IsDBNull(i) ? 0 : Convert.ToInt64(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
                }

                yield return row;
            }
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }
}
