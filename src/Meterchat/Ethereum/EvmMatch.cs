namespace Meterchat.Ethereum;

/// <summary>What one transaction credits: the credits, or (when there are none) exactly why not.</summary>
public sealed record EvmMatch(IReadOnlyList<EvmCredit> Credits, EvmNoCredit? NoCredit)
{
    public static EvmMatch Credited(IReadOnlyList<EvmCredit> credits) => new(credits, null);

    public static EvmMatch None(EvmNoCredit reason) => new([], reason);
}
