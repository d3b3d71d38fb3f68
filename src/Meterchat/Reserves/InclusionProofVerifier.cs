using Meterchat.Tron.Encoding;

namespace Meterchat.Reserves;

/// <summary>
/// Checks a proof without trusting anything but the published root (and total, when given): recomputes the leaf from
/// the user's own id, salt and balance, climbs the path with the same arithmetic as <see cref="MerkleSumTree"/>, and
/// says exactly where it fails. A negative sibling sum fails: it would let a dishonest tree hide liabilities.
/// </summary>
public static class InclusionProofVerifier
{
    /// <summary>Deeper than any tree of 2^64 leaves: a longer path is not a proof.</summary>
    public const int MaxDepth = 64;

    public static ProofVerification Verify(InclusionProof? proof, string? publishedRoot, long? publishedTotal = null)
    {
        if (proof is null)
        {
            return ProofVerification.Fail("The file holds no proof.");
        }

        if (!TryHash(publishedRoot, out var root))
        {
            return ProofVerification.Fail("The published root must be 64 hex digits (32 bytes).");
        }

        if (string.IsNullOrEmpty(proof.AccountId) || System.Text.Encoding.UTF8.GetByteCount(proof.AccountId) > MerkleSumHash.MaxAccountIdBytes)
        {
            return ProofVerification.Fail("The proof's account id is missing or too long.");
        }

        if (!Hex.TryParse(proof.Salt, out var salt, out _) || salt.Length != MerkleSumHash.SaltLength)
        {
            return ProofVerification.Fail("The proof's salt must be 64 hex digits (32 bytes).");
        }

        if (proof.Balance < 0)
        {
            return ProofVerification.Fail("The proof's balance is negative; a liability never is.");
        }

        var path = proof.Path ?? [];
        if (path.Count > MaxDepth)
        {
            return ProofVerification.Fail($"The path has {path.Count} steps; no tree is deeper than {MaxDepth}.");
        }

        Span<byte> hash = stackalloc byte[MerkleSumHash.Length];
        Span<byte> next = stackalloc byte[MerkleSumHash.Length];
        MerkleSumHash.Leaf(salt, proof.AccountId, proof.Balance, hash);
        var sum = proof.Balance;
        for (var i = 0; i < path.Count; i++)
        {
            var step = path[i];
            var at = i + 1;
            if (step is null || !TryHash(step.Hash, out var sibling))
            {
                return ProofVerification.Fail($"Step {at}: the sibling hash must be 64 hex digits (32 bytes).", at);
            }

            if (step.Sum < 0)
            {
                return ProofVerification.Fail($"Step {at}: the sibling sum {step.Sum} is negative; a dishonest tree could hide liabilities that way.", at);
            }

            if (sum > long.MaxValue - step.Sum)
            {
                return ProofVerification.Fail($"Step {at}: the sums overflow 64 bits.", at);
            }

            switch (step.Side)
            {
                case ProofStep.Left:
                    MerkleSumHash.Inner(sibling, step.Sum, hash, sum, next);
                    break;
                case ProofStep.Right:
                    MerkleSumHash.Inner(hash, sum, sibling, step.Sum, next);
                    break;
                default:
                    return ProofVerification.Fail($"Step {at}: the side must be \"left\" or \"right\", not \"{step.Side}\".", at);
            }

            next.CopyTo(hash);
            sum += step.Sum;
        }

        var computed = Hex.ToHex(hash);
        if (!hash.SequenceEqual(root))
        {
            return ProofVerification.Fail(
                $"The path leads to root {computed} (total {sum} µUSDT), not to the published root {Hex.ToHex(root)}: the balance, salt, id or a step differs from the published tree.",
                root: computed, total: sum);
        }

        if (publishedTotal is { } total && total != sum)
        {
            return ProofVerification.Fail($"The root matches but the total is {sum} µUSDT, not the published {total} µUSDT.", root: computed, total: sum);
        }

        return new ProofVerification(true, computed, sum, null, null);
    }

    private static bool TryHash(string? hex, out byte[] bytes) =>
        Hex.TryParse(hex?.Trim(), out bytes, out _) && bytes.Length == MerkleSumHash.Length;
}
