namespace Meterchat.Deposits.Matching;

/// <summary>What a transaction means for deposits: it credits, or exactly why not (checked in this order).</summary>
public enum TransferMatchReason
{
    /// <summary>At least one USDT Transfer log pays a deposit address a usable amount.</summary>
    Credits,

    /// <summary>No contract ran (a TRX or TRC10 transfer): the receipt has no result and the transaction did not fail.</summary>
    NoContractCall,

    /// <summary>Failed on chain (receipt not SUCCESS, e.g. REVERT or OUT_OF_ENERGY, or top-level FAILED): nothing moved.</summary>
    Failed,

    /// <summary>It ran, but no log is a Transfer emitted by the USDT contract, and no other token's Transfer either.</summary>
    NoUsdtTransfer,

    /// <summary>Its only Transfer logs come from another contract (another token, or a fake USDT that looks the same in a wallet).</summary>
    OtherToken,

    /// <summary>USDT moved, but to no deposit address (of the claimant, or of anyone the watcher knows).</summary>
    OtherAddress,

    /// <summary>USDT Transfers to a deposit address, all of 0.</summary>
    ZeroAmount,

    /// <summary>A USDT Transfer to a deposit address of more base units than the ledger's 64-bit µUSDT holds (a hostile contract, never real USDT).</summary>
    AmountTooLarge,
}
