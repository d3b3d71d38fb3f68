
namespace Meterchat.Observability;

/// <summary>
/// The figures read from the database and the chain on a timer (<c>Hosting.Health.SystemFiguresRefresher</c>), so a scrape or
/// the admin System page never queries more than reading this. Amounts in µUSDT; TRX in sun. Null: not read yet.
/// </summary>
public sealed record SystemFigures(
    DateTimeOffset? At,
    IReadOnlyDictionary<string, long> SessionsByState,
    long ClaimsPending,
    IReadOnlyDictionary<string, long> PayoutsByStatus,
    long OldestWaitingPayoutSeconds,
    long PayoutsPendingMicros,
    long PayoutsRequestedLastHourMicros,
    long LiabilitiesMicros,
    DateTimeOffset? ChainAt,
    long? HotWalletUsdtMicros,
    long? HotWalletTrxSun,
    long? ReservesMicros)
{
    public static SystemFigures None { get; } = new(null, new Dictionary<string, long>(), 0, new Dictionary<string, long>(), 0, 0, 0, 0, null, null, null, null);

    /// <summary>On-chain reserves minus what users hold; negative means the platform owes more than it holds.</summary>
    public long? ReservesSurplusMicros => ReservesMicros - LiabilitiesMicros;
}
