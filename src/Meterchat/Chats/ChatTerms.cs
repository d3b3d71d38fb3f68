using System.Text.Json.Serialization;
using Meterchat.Ledger;

namespace Meterchat.Chats;

/// <summary>
/// What the buyer confirmed before requesting: frozen for the session, so a later change of the seller's rate or of
/// any meter setting never reaches a running, replayed or recovered session (PRODUCT.md §5). The meter numbers are
/// filled from <see cref="MeterOptions"/> when the session is requested (<see cref="FrozenFrom"/>); logs written
/// before they were stored lack them and replay with the numbers in force then (<see cref="BeforeFrozenMeter"/>).
/// </summary>
/// <param name="Rate">The seller's rate at request time.</param>
/// <param name="CommissionBasisPoints">The platform commission at request time (MeterOptions.CommissionBasisPoints).</param>
/// <param name="SpendingLimit">The most the buyer allows this session to cost, or null for no limit beyond the wallet.</param>
/// <param name="UnitSeconds">MeterOptions.UnitSeconds at request time.</param>
/// <param name="AutoRefundLiveSeconds">MeterOptions.AutoRefundLiveSeconds at request time.</param>
/// <param name="ReconnectGraceSeconds">MeterOptions.ReconnectGraceSeconds at request time.</param>
/// <param name="HeartbeatTimeoutSeconds">MeterOptions.HeartbeatTimeoutSeconds at request time.</param>
/// <param name="ConnectTimeoutSeconds">MeterOptions.ConnectTimeoutSeconds at request time.</param>
public sealed record ChatTerms(
    TokenRate Rate,
    int CommissionBasisPoints,
    Micros? SpendingLimit = null,
    int? UnitSeconds = null,
    int? AutoRefundLiveSeconds = null,
    int? ReconnectGraceSeconds = null,
    int? HeartbeatTimeoutSeconds = null,
    int? ConnectTimeoutSeconds = null)
{
    /// <summary>
    /// The meter numbers every session ran with before they were frozen into the terms (the shipped defaults, never
    /// changed by an operator before then): a stored log without them replays with these, whatever today's settings.
    /// </summary>
    public static MeterOptions BeforeFrozenMeter { get; } = new()
    {
        UnitSeconds = 6,
        AutoRefundLiveSeconds = 30,
        ReconnectGraceSeconds = 60,
        HeartbeatTimeoutSeconds = 6,
        ConnectTimeoutSeconds = 60,
    };

    [JsonIgnore]
    public UnitSplit Split => UnitSplit.Of(Rate, CommissionBasisPoints);

    /// <summary>Whether every meter number is stored here (a session requested since they are frozen).</summary>
    [JsonIgnore]
    public bool IsFrozen => UnitSeconds is not null && AutoRefundLiveSeconds is not null && ReconnectGraceSeconds is not null
        && HeartbeatTimeoutSeconds is not null && ConnectTimeoutSeconds is not null;

    /// <summary>These terms with every meter number not yet stored taken from <paramref name="options"/>.</summary>
    public ChatTerms FrozenFrom(MeterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return this with
        {
            UnitSeconds = UnitSeconds ?? options.UnitSeconds,
            AutoRefundLiveSeconds = AutoRefundLiveSeconds ?? options.AutoRefundLiveSeconds,
            ReconnectGraceSeconds = ReconnectGraceSeconds ?? options.ReconnectGraceSeconds,
            HeartbeatTimeoutSeconds = HeartbeatTimeoutSeconds ?? options.HeartbeatTimeoutSeconds,
            ConnectTimeoutSeconds = ConnectTimeoutSeconds ?? options.ConnectTimeoutSeconds,
        };
    }

    /// <summary>
    /// The options this session is metered by: the frozen numbers, and today's <paramref name="current"/> for what
    /// does not affect the bill (the warning lead time).
    /// </summary>
    public MeterOptions MeterOptions(MeterOptions current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var frozen = FrozenFrom(BeforeFrozenMeter);
        return new MeterOptions
        {
            UnitSeconds = frozen.UnitSeconds!.Value,
            CommissionBasisPoints = CommissionBasisPoints,
            AutoRefundLiveSeconds = frozen.AutoRefundLiveSeconds!.Value,
            ReconnectGraceSeconds = frozen.ReconnectGraceSeconds!.Value,
            HeartbeatTimeoutSeconds = frozen.HeartbeatTimeoutSeconds!.Value,
            ConnectTimeoutSeconds = frozen.ConnectTimeoutSeconds!.Value,
            WarningSeconds = current.WarningSeconds,
        };
    }

    internal string? Problem() =>
        Rate.TokensPerMinute <= 0 ? "The rate must be positive."
        : CommissionBasisPoints is < 0 or > UnitSplit.BasisPointsPerWhole ? "The commission must be 0 to 10,000 basis points."
        : SpendingLimit is { IsPositive: false } ? "A spending limit must be positive."
        : UnitSeconds is <= 0 || AutoRefundLiveSeconds is < 0 || ReconnectGraceSeconds is <= 0 || HeartbeatTimeoutSeconds is <= 0 || ConnectTimeoutSeconds is <= 0
            ? "The meter's numbers must be positive."
        : null;
}
