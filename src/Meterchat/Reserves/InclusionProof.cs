namespace Meterchat.Reserves;

/// <summary>
/// What a user needs to check their own line is in the published tree: their leaf (id, salt as hex, balance in µUSDT)
/// and the siblings from the leaf up to the root. It names no other user.
/// </summary>
public sealed record InclusionProof(string AccountId, string Salt, long Balance, IReadOnlyList<ProofStep> Path);
