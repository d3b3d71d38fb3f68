namespace Meterchat.Deposits.Ethereum;

/// <summary>
/// One credit of a claimed transaction: the asset, its amount in base units (wei or 6-decimal token units, as decimal
/// text), the µUSDT credited (null until credited), and the confirmations it has of those required.
/// </summary>
public sealed record EthereumClaimCredit(string Asset, string Units, long? Amount, long Confirmations, long Required);
