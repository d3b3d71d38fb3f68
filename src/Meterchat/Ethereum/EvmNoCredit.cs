namespace Meterchat.Ethereum;

/// <summary>Why a transaction credits nothing; each becomes its own problem type for a pasted hash.</summary>
public enum EvmNoCredit
{
    /// <summary>No receipt yet: not mined (or not known to this node).</summary>
    NotMined,

    /// <summary>Mined but failed (receipt status 0): nothing moved.</summary>
    Reverted,

    /// <summary>A token transfer into a deposit address, but of a contract that is not an accepted token.</summary>
    OtherToken,

    /// <summary>An accepted token or ETH moved, but to an address that is no deposit address.</summary>
    OtherAddress,

    /// <summary>Neither an ERC-20 <c>Transfer</c> nor ETH value (e.g. an approval or a contract call).</summary>
    NoTransfer,
}
