namespace Meterchat.Tron.Node;

/// <summary>
/// <c>receipt</c> of a transaction info. <see cref="Result"/> is SUCCESS, REVERT, OUT_OF_ENERGY…
/// for a contract call and null for a plain TRX transfer (the node omits it). Fees are in sun.
/// </summary>
public sealed record ResourceReceipt(
    string? Result,
    long EnergyUsage,
    long EnergyFee,
    long OriginEnergyUsage,
    long EnergyUsageTotal,
    long EnergyPenaltyTotal,
    long NetUsage,
    long NetFee);
