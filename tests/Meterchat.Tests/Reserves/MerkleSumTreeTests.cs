using CsCheck;
using Meterchat.Reserves;

namespace Meterchat.Tests.Reserves;

public class MerkleSumTreeTests
{
    private static readonly byte[] Secret = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

    /// <summary>Users with balances from 0 to 10^12 µUSDT (a million USDT), ids user-0, user-1, … .</summary>
    private static readonly Gen<LiabilityLeaf[]> Users =
        Gen.Long[0, 1_000_000_000_000].Array[1, 70].Select(balances => balances.Select((b, i) => Leaf($"user-{i}", b)).ToArray());

    private static LiabilityLeaf Leaf(string id, long balance) => new(id, LeafSalt.For(Secret, id), balance);

    [Fact]
    public void Every_users_proof_leads_to_the_root_and_the_total()
    {
        Users.Sample(leaves =>
        {
            var tree = MerkleSumTree.Build(leaves);
            Assert.Equal(leaves.Sum(l => l.Balance), tree.Total);
            foreach (var leaf in leaves)
            {
                var proof = tree.Prove(leaf.AccountId)!;
                var check = InclusionProofVerifier.Verify(proof, tree.RootHex, tree.Total);
                Assert.True(check.Passed, check.Failure);
                Assert.Equal(leaf.Balance, proof.Balance);
                Assert.Equal(tree.Depth, proof.Path.Count);
            }
        });
    }

    [Fact]
    public void Changing_any_balance_changes_the_root_and_the_total()
    {
        Gen.Select(Users, Gen.Int[0, 1000], Gen.Long[1, 1_000_000]).Sample((leaves, pick, delta) =>
        {
            var tree = MerkleSumTree.Build(leaves);
            var i = pick % leaves.Length;
            var changed = leaves.ToArray();
            changed[i] = changed[i] with { Balance = changed[i].Balance + delta };

            var other = MerkleSumTree.Build(changed);

            Assert.NotEqual(tree.RootHex, other.RootHex);
            Assert.Equal(tree.Total + delta, other.Total);
        });
    }

    [Fact]
    public void Dropping_a_user_changes_the_root_and_their_proof_no_longer_verifies()
    {
        Gen.Select(Users.Where(l => l.Length > 1), Gen.Int[0, 1000]).Sample((leaves, pick) =>
        {
            var tree = MerkleSumTree.Build(leaves);
            var dropped = leaves[pick % leaves.Length];
            var proof = tree.Prove(dropped.AccountId)!;

            var without = MerkleSumTree.Build([.. leaves.Where(l => l != dropped)]);

            Assert.NotEqual(tree.RootHex, without.RootHex);
            Assert.Null(without.Prove(dropped.AccountId));
            Assert.False(InclusionProofVerifier.Verify(proof, without.RootHex).Passed);
        });
    }

    [Fact]
    public void A_proof_with_a_changed_balance_fails_at_the_root()
    {
        Users.Sample(leaves =>
        {
            var tree = MerkleSumTree.Build(leaves);
            var proof = tree.Prove(leaves[0].AccountId)!;

            var check = InclusionProofVerifier.Verify(proof with { Balance = proof.Balance + 1 }, tree.RootHex);

            Assert.False(check.Passed);
            Assert.Contains("not to the published root", check.Failure, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void One_user_is_the_root_with_an_empty_path()
    {
        var tree = MerkleSumTree.Build([Leaf("only", 42)]);
        var proof = tree.Prove("only")!;

        Assert.Empty(proof.Path);
        Assert.Equal(42, tree.Total);
        Assert.True(InclusionProofVerifier.Verify(proof, tree.RootHex, 42).Passed);
    }

    [Fact]
    public void No_users_give_a_zero_root_and_total()
    {
        var tree = MerkleSumTree.Build([]);

        Assert.Equal(new string('0', 64), tree.RootHex);
        Assert.Equal(0, tree.Total);
    }

    [Fact]
    public void Proofs_of_100_000_users_verify()
    {
        var random = new Random(18);
        var leaves = Enumerable.Range(0, 100_000).Select(i => Leaf($"u{i}", random.NextInt64(0, 10_000_000_000))).ToArray();
        var tree = MerkleSumTree.Build(leaves);

        Assert.Equal(17, tree.Depth);
        Assert.Equal(leaves.Sum(l => l.Balance), tree.Total);
        for (var position = 0; position < tree.Count; position += 97)
        {
            Assert.True(InclusionProofVerifier.Verify(tree.ProveAt(position), tree.RootHex, tree.Total).Passed);
        }

        Assert.True(InclusionProofVerifier.Verify(tree.ProveAt(tree.Count - 1), tree.RootHex, tree.Total).Passed);
    }

    [Fact]
    public void Leaves_are_ordered_by_hash_not_by_id()
    {
        var leaves = Enumerable.Range(0, 64).Select(i => Leaf($"user-{i:00}", i)).ToArray();
        var tree = MerkleSumTree.Build(leaves);
        var reordered = MerkleSumTree.Build([.. leaves.Reverse()]);

        Assert.Equal(tree.RootHex, reordered.RootHex);
        Assert.NotEqual(Enumerable.Range(0, 64).Select(i => (long)i), Enumerable.Range(0, 64).Select(p => tree.ProveAt(p).Balance));
    }

    [Fact]
    public void A_negative_balance_or_an_overflowing_total_is_refused()
    {
        Assert.Throws<ArgumentException>(() => MerkleSumTree.Build([Leaf("a", -1)]));
        Assert.Throws<OverflowException>(() => MerkleSumTree.Build([Leaf("a", long.MaxValue), Leaf("b", 1)]));
    }

    [Fact]
    public void Salts_differ_per_user_and_per_secret()
    {
        Assert.NotEqual(LeafSalt.For(Secret, "a"), LeafSalt.For(Secret, "b"));
        Assert.NotEqual(LeafSalt.For(Secret, "a"), LeafSalt.For(LeafSalt.NewSecret(), "a"));
        Assert.Equal(32, LeafSalt.For(Secret, "a").Length);
    }
}
