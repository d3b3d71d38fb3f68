namespace Meterchat.Tron.Tests.Vectors;

public class VectorCoverageTests
{
    // Each kind here has a theory in this folder; a kind added to the file must get one too.
    private static readonly string[] TestedKinds =
    [
        "keccak256", "sha256", "private_key_to_address", "public_key_to_address", "address_hex_base58",
        "address_validation", "transaction", "unsigned_transaction", "build_raw_data", "ref_block_from_block_id",
        "block_header", "ecdsa_sign_hash", "bip44_derivation", "transaction_info_transfer_log",
        "trongrid_trc20_item", "abi_encode_transfer",
    ];

    [Fact]
    public void Every_vector_kind_in_the_file_has_a_test()
    {
        var untested = VectorFile.Vectors.Values.Select(v => v.Kind).Distinct().Except(TestedKinds).ToList();
        Assert.Empty(untested);
    }

    [Fact]
    public void The_vector_file_is_found_and_has_all_vectors() =>
        Assert.True(VectorFile.Vectors.Count >= 66, $"{VectorFile.Path} has {VectorFile.Vectors.Count} vectors");
}
