using Meterchat.Reserves;

namespace Meterchat.Tests.Reserves;

/// <summary>A broken proof says where it breaks.</summary>
public class InclusionProofVerifierTests
{
    private static readonly MerkleSumTree Tree = MerkleSumTree.Build(
        [.. Enumerable.Range(0, 5).Select(i => new LiabilityLeaf($"user-{i}", LeafSalt.For(new byte[32], $"user-{i}"), (i + 1) * 1_000_000L))]);

    private static InclusionProof Proof => Tree.Prove("user-2")!;

    private static InclusionProof WithStep(int index, ProofStep step)
    {
        var path = Proof.Path.ToArray();
        path[index] = step;
        return Proof with { Path = path };
    }

    [Fact]
    public void A_sound_proof_passes_and_names_the_root_and_total()
    {
        var check = InclusionProofVerifier.Verify(Proof, Tree.RootHex, 15_000_000);

        Assert.True(check.Passed);
        Assert.Equal(Tree.RootHex, check.ComputedRoot);
        Assert.Equal(15_000_000, check.ComputedTotal);
        Assert.Equal(3, Proof.Path.Count);
    }

    [Fact]
    public void A_negative_sibling_sum_fails_at_its_step()
    {
        var check = InclusionProofVerifier.Verify(WithStep(1, Proof.Path[1] with { Sum = -5 }), Tree.RootHex);

        Assert.Equal(2, check.Step);
        Assert.Contains("Step 2", check.Failure, StringComparison.Ordinal);
        Assert.Contains("negative", check.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_hash_or_side_fails_at_its_step()
    {
        var badHash = InclusionProofVerifier.Verify(WithStep(0, Proof.Path[0] with { Hash = "abc" }), Tree.RootHex);
        var badSide = InclusionProofVerifier.Verify(WithStep(2, Proof.Path[2] with { Side = "up" }), Tree.RootHex);

        Assert.Equal(1, badHash.Step);
        Assert.Contains("64 hex digits", badHash.Failure, StringComparison.Ordinal);
        Assert.Equal(3, badSide.Step);
        Assert.Contains("\"up\"", badSide.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_swapped_side_or_changed_sibling_sum_leads_to_another_root()
    {
        var swapped = Proof.Path[0] with { Side = Proof.Path[0].Side == ProofStep.Left ? ProofStep.Right : ProofStep.Left };

        Assert.Contains("not to the published root", InclusionProofVerifier.Verify(WithStep(0, swapped), Tree.RootHex).Failure, StringComparison.Ordinal);
        Assert.False(InclusionProofVerifier.Verify(WithStep(1, Proof.Path[1] with { Sum = Proof.Path[1].Sum + 1 }), Tree.RootHex).Passed);
    }

    [Fact]
    public void A_wrong_total_or_a_malformed_root_or_salt_is_named()
    {
        Assert.Contains("not the published 1", InclusionProofVerifier.Verify(Proof, Tree.RootHex, 1).Failure, StringComparison.Ordinal);
        Assert.Contains("published root must be", InclusionProofVerifier.Verify(Proof, "xyz").Failure, StringComparison.Ordinal);
        Assert.Contains("salt", InclusionProofVerifier.Verify(Proof with { Salt = "00" }, Tree.RootHex).Failure, StringComparison.Ordinal);
        Assert.Contains("negative", InclusionProofVerifier.Verify(Proof with { Balance = -1 }, Tree.RootHex).Failure, StringComparison.Ordinal);
        Assert.Contains("no proof", InclusionProofVerifier.Verify(null, Tree.RootHex).Failure, StringComparison.Ordinal);
    }
}
