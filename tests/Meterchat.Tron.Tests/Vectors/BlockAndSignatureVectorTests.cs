using System.Security.Cryptography;
using Meterchat.Tron.Crypto;
using Meterchat.Tron.Encoding;
using Meterchat.Tron.Transactions;

namespace Meterchat.Tron.Tests.Vectors;

public class BlockAndSignatureVectorTests
{
    public static TheoryData<string> TaposIds => VectorFile.OfKind("ref_block_from_block_id");
    public static TheoryData<string> Headers => VectorFile.OfKind("block_header");
    public static TheoryData<string> Signing => VectorFile.OfKind("ecdsa_sign_hash");

    [Theory]
    [MemberData(nameof(TaposIds))]
    public void Tapos_comes_from_the_block_id(string id)
    {
        var v = VectorFile.Get(id);
        var blockId = Hex.Parse(v.In("block_id_hex"));
        var tapos = Tapos.FromBlockId(blockId);
        Assert.Equal(v.Ex("ref_block_bytes"), Hex.ToHex(tapos.RefBlockBytes));
        Assert.Equal(v.Ex("ref_block_hash"), Hex.ToHex(tapos.RefBlockHash));
        var number = System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(blockId);
        if (v.HasEx("block_number"))
        {
            Assert.Equal(v.ExLong("block_number"), number);
        }

        Assert.Equal(tapos, Tapos.FromBlock(number, blockId));
        Assert.Throws<ArgumentException>(() => Tapos.FromBlock(number + 1, blockId));
    }

    [Theory]
    [MemberData(nameof(Headers))]
    public void Block_id_is_number_and_header_hash_and_the_witness_signed_it(string id)
    {
        var v = VectorFile.Get(id);
        var h = v.Inputs.GetProperty("raw_data");
        var header = new BlockHeaderRaw(
            h.GetProperty("number").GetInt64(),
            h.GetProperty("timestamp").GetInt64(),
            Hex.Parse(h.GetProperty("txTrieRoot").GetString()!),
            Hex.Parse(h.GetProperty("parentHash").GetString()!),
            TronAddress.FromHex(h.GetProperty("witness_address").GetString()!),
            h.GetProperty("version").GetInt32());
        var blockId = header.BlockId();
        Assert.Equal(v.Ex("blockID"), Hex.ToHex(blockId));
        if (v.HasIn("witness_signature"))
        {
            Assert.Equal(header.Witness, TronSignature.RecoverSigner(header.Hash(), Hex.Parse(v.In("witness_signature"))));
        }

        var tapos = Tapos.FromBlockId(blockId);
        Assert.Equal(v.Ex("ref_block_bytes"), Hex.ToHex(tapos.RefBlockBytes));
        Assert.Equal(v.Ex("ref_block_hash"), Hex.ToHex(tapos.RefBlockHash));
    }

    [Theory]
    [MemberData(nameof(Signing))]
    public void Signing_is_rfc6979_low_s_and_recovers_the_signer(string id)
    {
        var v = VectorFile.Get(id);
        var hash = v.HasIn("hash_hex")
            ? Hex.Parse(v.In("hash_hex"))
            : SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(v.In("message_utf8")));
        using var key = TronKey.FromHex(v.In("private_key_hex"));
        var signature = key.Sign(hash);

        Assert.Equal(v.Ex("r_hex"), Hex.ToHex(signature.AsSpan(0, 32)));
        Assert.Equal(v.Ex("s_hex"), Hex.ToHex(signature.AsSpan(32, 32)));
        Assert.InRange(signature[64], 0, 1);
        if (v.HasEx("signature_hex"))
        {
            Assert.Equal(v.Ex("signature_hex"), Hex.ToHex(signature));
        }

        if (v.HasEx("k_hex"))
        {
            // The nonce is inside libsecp256k1; check it through r = x(k·G).
            using var nonce = TronKey.FromHex(v.Ex("k_hex"));
            Assert.Equal(v.Ex("r_hex"), Hex.ToHex(nonce.PublicKey.AsSpan(1, 32)));
        }

        var signer = TronSignature.RecoverSigner(hash, signature);
        Assert.Equal(key.Address, signer);
        if (v.HasEx("signer_address_base58"))
        {
            Assert.Equal(v.Ex("signer_address_base58"), signer.ToBase58());
        }

        signature[64] += 27;
        Assert.Equal(key.Address, TronSignature.RecoverSigner(hash, signature));
    }
}
