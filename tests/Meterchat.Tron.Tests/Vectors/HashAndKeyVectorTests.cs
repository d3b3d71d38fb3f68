using Meterchat.Tron.Crypto;
using Meterchat.Tron.Encoding;
using Meterchat.Tron.Transactions;

namespace Meterchat.Tron.Tests.Vectors;

public class HashAndKeyVectorTests
{
    public static TheoryData<string> Keccak => VectorFile.OfKind("keccak256");
    public static TheoryData<string> Sha256 => VectorFile.OfKind("sha256");
    public static TheoryData<string> PrivateKeys => VectorFile.OfKind("private_key_to_address");
    public static TheoryData<string> PublicKeys => VectorFile.OfKind("public_key_to_address");
    public static TheoryData<string> HexBase58 => VectorFile.OfKind("address_hex_base58");
    public static TheoryData<string> Validation => VectorFile.OfKind("address_validation");

    [Theory]
    [MemberData(nameof(Keccak))]
    public void Keccak256_matches(string id)
    {
        var v = VectorFile.Get(id);
        var hash = v.HasIn("utf8") ? Keccak256.Hash(v.In("utf8")) : Keccak256.Hash(Hex.Parse(v.In("hex")));
        Assert.StartsWith(v.Ex("hash_hex_prefix"), Hex.ToHex(hash), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Sha256))]
    public void Sha256_of_raw_bytes_is_the_txid_hash(string id)
    {
        var v = VectorFile.Get(id);
        Assert.Equal(v.Ex("sha256_hex"), Hex.ToHex(TransactionId.Compute(System.Text.Encoding.UTF8.GetBytes(v.In("utf8")))));
    }

    [Theory]
    [MemberData(nameof(PrivateKeys))]
    public void Private_key_gives_public_key_and_address(string id)
    {
        var v = VectorFile.Get(id);
        using var key = TronKey.FromHex(v.In("private_key_hex"));
        if (v.HasEx("public_key_hex"))
        {
            var expected = v.Ex("public_key_hex");
            var actual = expected.Length == 66 ? Hex.ToHex(key.PublicKeyCompressed) : Hex.ToHex(key.PublicKey)[2..];
            Assert.Equal(expected.Length == 66 ? expected : expected[^128..], actual);
        }

        if (v.HasEx("address_hex"))
        {
            Assert.Equal(v.Ex("address_hex"), key.Address.ToHex());
        }

        if (v.HasEx("address_base58"))
        {
            Assert.Equal(v.Ex("address_base58"), key.Address.ToBase58());
        }
    }

    [Theory]
    [MemberData(nameof(PublicKeys))]
    public void Public_key_gives_address(string id)
    {
        var v = VectorFile.Get(id);
        var pub = Hex.Parse(v.In("public_key_hex"));
        var address = TronAddress.FromPublicKey(pub);
        Assert.Equal(v.Ex("address_hex"), address.ToHex());
        Assert.Equal(v.Ex("address_base58"), address.ToBase58());
        Assert.Equal(address, TronAddress.FromPublicKey([0x04, .. pub[^64..]]));
    }

    [Theory]
    [MemberData(nameof(HexBase58))]
    public void Hex_and_base58_forms_convert_both_ways(string id)
    {
        var v = VectorFile.Get(id);
        var fromHex = TronAddress.FromHex(v.In("address_hex"));
        var fromBase58 = TronAddress.Parse(v.Ex("address_base58"));
        Assert.Equal(v.Ex("address_base58"), fromHex.ToBase58());
        Assert.Equal(v.In("address_hex"), fromBase58.ToHex());
        Assert.Equal(fromHex, fromBase58);
        Assert.Equal(fromHex, TronAddress.Parse(v.In("address_hex")));
        Assert.Equal(v.In("address_hex"), Hex.ToHex(Base58.DecodeCheck(v.Ex("address_base58"))));
    }

    [Theory]
    [MemberData(nameof(Validation))]
    public void Address_validation_agrees_and_says_why(string id)
    {
        var v = VectorFile.Get(id);
        var text = v.HasIn("base58") ? v.In("base58") : v.In("hex");
        var valid = TronAddress.TryParse(text, out var address, out var error);
        Assert.Equal(v.Expected.GetProperty("valid").GetBoolean(), valid);
        if (valid)
        {
            Assert.Null(error);
            Assert.Equal(text, v.HasIn("base58") ? address.ToBase58() : address.ToHex());
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(error));
            var ex = Assert.Throws<FormatException>(() => TronAddress.Parse(text));
            Assert.Contains(error!, ex.Message, StringComparison.Ordinal);
        }
    }
}
