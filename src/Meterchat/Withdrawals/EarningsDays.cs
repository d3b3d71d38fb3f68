using System.Data.Common;
using Meterchat.Data;
using Meterchat.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Withdrawals;

/// <summary>
/// A seller's earnings per UTC day for the Earnings page's chart: what their earnings account gained from chat units
/// (less the chat and dispute refunds taken back that day) and from tips, summed per day in one grouped query over the
/// ledger's legs.
/// </summary>
public static class EarningsDays
{
    public const int DayCount = 30;
    private const int Day = 86_400;

    public static async Task<IReadOnlyList<EarningsDay>> ForAsync(AppDbContext db, string userId, DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var first = today.AddDays(1 - DayCount);
        var code = AccountRef.Earnings(userId).Code;
        var account = await LedgerReads.AccountIdAsync(db, code, ct);
        var sums = new Dictionary<(long Kind, long Bucket), long>();
        if (account is { } id)
        {
            var bucket = TimeBuckets.Sql(db.Database, "t.\"CreatedAt\"", Day);
            var sql = $"""
                SELECT t."Kind", {bucket}, CAST(SUM(l."Amount") AS bigint)
                FROM "LedgerLegs" l JOIN "LedgerTransfers" t ON t."Id" = l."TransferId"
                WHERE l."AccountId" = {id} AND t."Kind" IN ({(int)TransferKind.ChatUnit}, {(int)TransferKind.Tip}, {(int)TransferKind.Refund}, {(int)TransferKind.DisputeRefund}) AND t."CreatedAt" >= @from
                GROUP BY t."Kind", {bucket}
                """;
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
                p.Value = TimeBuckets.Parameter(db.Database, new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
                command.Parameters.Add(p);
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    var kind = (TransferKind)Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
                    var key = ((long)(kind == TransferKind.Tip ? TransferKind.Tip : TransferKind.ChatUnit), Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture));
                    sums[key] = sums.GetValueOrDefault(key) + Convert.ToInt64(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture);
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

        var days = new List<EarningsDay>(DayCount);
        for (var day = first; day <= today; day = day.AddDays(1))
        {
            var b = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds() / Day;
            days.Add(new EarningsDay(day, sums.GetValueOrDefault(((long)TransferKind.ChatUnit, b)), sums.GetValueOrDefault(((long)TransferKind.Tip, b))));
        }

        return days;
    }
}
