namespace Meterchat.Reserves;

/// <summary>
/// The file a user downloads: the snapshot it belongs to (root, total, block, the signed message) and their
/// <see cref="InclusionProof"/>, with their balance split as the ledger shows it (not hashed: the leaf commits to the sum).
/// </summary>
public sealed record LiabilityProofFile(
    string Format,
    long SnapshotId,
    DateTimeOffset At,
    long BlockNumber,
    string RootHash,
    long TotalLiabilities,
    string HotWallet,
    string Message,
    string Signature,
    long Wallet,
    long Earnings,
    long Held,
    InclusionProof Proof)
{
    public const string CurrentFormat = "meterchat-liabilities-proof/1";
}
