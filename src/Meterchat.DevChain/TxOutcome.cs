using Meterchat.Tron.Encoding;

namespace Meterchat.DevChain;

/// <summary>
/// What executing a transaction did, in the words of java-tron's TransactionInfo and ret:
/// contractRet (SUCCESS, REVERT, OUT_OF_ENERGY), the sun burned, energy, bandwidth, the receipt
/// result (null for a TRX transfer, as mainnet omits it), logs and the failure message.
/// </summary>
internal sealed record TxOutcome(
    string ContractRet,
    long Fee,
    long EnergyFee,
    long EnergyUsageTotal,
    long NetUsage,
    string? ReceiptResult,
    IReadOnlyList<LogRecord> Logs,
    string ContractResult,
    bool Failed,
    string? ResMessage,
    TronAddress? ContractAddress);
