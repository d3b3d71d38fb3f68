using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Meterchat.Data;

/// <summary>
/// Groups stored times into UTC buckets (days, hours) in SQL, on both providers: PostgreSQL keeps timestamptz;
/// SQLite keeps EF's binary DateTimeOffset (ticks / 1000 shifted left 11 bits, the offset in minutes in the low 11).
/// A bucket is its start in Unix seconds divided by the bucket's length.
/// </summary>
internal static class TimeBuckets
{
    private static readonly DateTimeOffsetToBinaryConverter Binary = new();

    public static string Sql(DatabaseFacade database, string column, int seconds) =>
        database.IsSqlite()
            ? $"(((({column} >> 11) * 1000) - ((({column} << 53) >> 53) * 600000000) - 621355968000000000) / {seconds * TimeSpan.TicksPerSecond})"
            : $"CAST(FLOOR(EXTRACT(EPOCH FROM {column}) / {seconds}) AS bigint)";

    /// <summary>A time as the provider stores it, for a parameter compared with a stored column.</summary>
    public static object Parameter(DatabaseFacade database, DateTimeOffset at) =>
        database.IsSqlite() ? Binary.ConvertToProvider(at.ToUniversalTime())! : at.ToUniversalTime();

    public static DateTimeOffset Start(long bucket, int seconds) => DateTimeOffset.FromUnixTimeSeconds(bucket * seconds);
}
