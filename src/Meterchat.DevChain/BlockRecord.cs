namespace Meterchat.DevChain;

/// <summary>A produced block: its header fields, id, the witness's signature and its transaction ids in order.</summary>
internal sealed record BlockRecord(
    long Number,
    byte[] Id,
    long Timestamp,
    byte[] ParentHash,
    byte[] TxTrieRoot,
    byte[] WitnessSignature,
    IReadOnlyList<string> TxIds);
