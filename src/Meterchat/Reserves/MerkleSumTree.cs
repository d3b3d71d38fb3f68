using Meterchat.Tron.Encoding;

namespace Meterchat.Reserves;

/// <summary>
/// A Merkle sum tree of user liabilities. Leaves are ordered by their own hash (so a position says nothing about an
/// id); a level with an odd number of nodes pairs its last node with a filler (32 zero bytes, sum 0) on its right.
/// One user: the root is their leaf. No users: the root is 32 zero bytes and the total 0. Sums are checked: a
/// negative balance or an overflow throws instead of publishing a wrong total.
/// Levels are kept as flat arrays (hashes 32 bytes apiece, sums) so a million users cost two arrays per level.
/// </summary>
public sealed class MerkleSumTree
{
    private readonly IReadOnlyList<LiabilityLeaf> _leaves;
    private readonly int[] _leafAt;
    private readonly List<(byte[] Hashes, long[] Sums)> _levels;

    private MerkleSumTree(IReadOnlyList<LiabilityLeaf> leaves, int[] leafAt, List<(byte[] Hashes, long[] Sums)> levels)
    {
        _leaves = leaves;
        _leafAt = leafAt;
        _levels = levels;
    }

    public int Count => _leaves.Count;

    public byte[] Root => _levels.Count == 0 ? new byte[MerkleSumHash.Length] : _levels[^1].Hashes;

    public string RootHex => Hex.ToHex(Root);

    public long Total => _levels.Count == 0 ? 0 : _levels[^1].Sums[0];

    /// <summary>The tree's height: the number of steps in every proof.</summary>
    public int Depth => Math.Max(0, _levels.Count - 1);

    public static MerkleSumTree Build(IReadOnlyList<LiabilityLeaf> leaves)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        var n = leaves.Count;
        if (n == 0)
        {
            return new MerkleSumTree(leaves, [], []);
        }

        var leafHashes = new byte[n * MerkleSumHash.Length];
        for (var i = 0; i < n; i++)
        {
            var leaf = leaves[i];
            if (leaf.Balance < 0)
            {
                throw new ArgumentException($"Leaf {i} has a negative balance; a liability is never negative.", nameof(leaves));
            }

            MerkleSumHash.Leaf(leaf.Salt, leaf.AccountId, leaf.Balance, leafHashes.AsSpan(i * MerkleSumHash.Length, MerkleSumHash.Length));
        }

        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => HashAt(leafHashes, a).SequenceCompareTo(HashAt(leafHashes, b)));
        var hashes = new byte[leafHashes.Length];
        var sums = new long[n];
        for (var p = 0; p < n; p++)
        {
            HashAt(leafHashes, order[p]).CopyTo(hashes.AsSpan(p * MerkleSumHash.Length));
            sums[p] = leaves[order[p]].Balance;
        }

        List<(byte[], long[])> levels = [(hashes, sums)];
        while (sums.Length > 1)
        {
            (hashes, sums) = Parent(hashes, sums);
            levels.Add((hashes, sums));
        }

        return new MerkleSumTree(leaves, order, levels);
    }

    /// <summary>The proof of <paramref name="accountId"/>'s leaf, or null when the account is not in the tree.</summary>
    public InclusionProof? Prove(string accountId)
    {
        for (var p = 0; p < _leafAt.Length; p++)
        {
            if (_leaves[_leafAt[p]].AccountId == accountId)
            {
                return ProveAt(p);
            }
        }

        return null;
    }

    /// <summary>The proof of the leaf at <paramref name="position"/> in hash order (0 ≤ position &lt; <see cref="Count"/>).</summary>
    public InclusionProof ProveAt(int position)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(position, Count);
        var leaf = _leaves[_leafAt[position]];
        var path = new List<ProofStep>(Depth);
        var index = position;
        for (var level = 0; level < _levels.Count - 1; level++)
        {
            var (hashes, sums) = _levels[level];
            var sibling = index ^ 1;
            var side = (index & 1) == 0 ? ProofStep.Right : ProofStep.Left;
            path.Add(sibling < sums.Length
                ? new ProofStep(side, Hex.ToHex(HashAt(hashes, sibling)), sums[sibling])
                : new ProofStep(side, Hex.ToHex(new byte[MerkleSumHash.Length]), 0));
            index >>= 1;
        }

        return new InclusionProof(leaf.AccountId, Hex.ToHex(leaf.Salt), leaf.Balance, path);
    }

    private static (byte[] Hashes, long[] Sums) Parent(byte[] hashes, long[] sums)
    {
        var count = (sums.Length + 1) / 2;
        var parentHashes = new byte[count * MerkleSumHash.Length];
        var parentSums = new long[count];
        ReadOnlySpan<byte> filler = stackalloc byte[MerkleSumHash.Length];
        for (var i = 0; i < count; i++)
        {
            var left = 2 * i;
            var right = left + 1;
            var rightHash = right < sums.Length ? HashAt(hashes, right) : filler;
            var rightSum = right < sums.Length ? sums[right] : 0;
            parentSums[i] = checked(sums[left] + rightSum);
            MerkleSumHash.Inner(HashAt(hashes, left), sums[left], rightHash, rightSum, parentHashes.AsSpan(i * MerkleSumHash.Length, MerkleSumHash.Length));
        }

        return (parentHashes, parentSums);
    }

    private static ReadOnlySpan<byte> HashAt(byte[] hashes, int index) => hashes.AsSpan(index * MerkleSumHash.Length, MerkleSumHash.Length);
}
