namespace Meterchat.Ethereum;

/// <summary>
/// What a credit is unique by: (tx hash, log index) for an ERC-20 <c>Transfer</c> log, (tx hash) alone for the
/// plain ETH value of a transaction (<see cref="LogIndex"/> null). A deposit is credited once per key.
/// </summary>
public readonly record struct EvmCreditKey(string TransactionHash, long? LogIndex)
{
    public override string ToString() => LogIndex is { } index ? $"{TransactionHash}:{index}" : TransactionHash;
}
