using System.CommandLine;
using System.Text.Json;
using Meterchat.Chain;

namespace Meterchat.Tests.Chain;

public sealed class TronCommandTests : IDisposable
{
    // Public mainnet USDT transfer 0130dfde… (shared/tron/vectors.json, tx-mainnet-usdt-ledger-0130); its wallet wrote 41 into the ABI address word.
    private const string RawDataHex = "0a02afbf22084e85c21e37dfb0c540d0ce8ee6cc325aae01081f12a9010a31747970652e676f6f676c65617069732e636f6d2f70726f746f636f6c2e54726967676572536d617274436f6e747261637412740a15416e3b44b96104b26f84057974a1f0c9880f7c9b13121541a614f803b6fd780986a42c78ec9c7f77e6ded13c2244a9059cbb000000000000000000000041ec20315a879c48f5e3a6a1c9826d5225f8b658b800000000000000000000000000000000000000000000000000000000027bf24d708face6e5cc32900180e1eb17";
    private const string Signature = "d7480b0ec4829b80f7d78ffcd9ae55caf8f7648eac6e226bdd861e37f5758057475d6ef6f12ba0d7c06f284cffbb93dabe669db92f81c96492bd76731cc32da001";
    private const string TxId = "0130dfde9281a48378109039ef512229d5359fbee2a8adbb17ad73aebc67ea99";
    private const string Owner = "416e3b44b96104b26f84057974a1f0c9880f7c9b13";
    private const string Xpub = "xpub6ChVWbXxgtp7PfXntivshZfwQophZWmVQwKJz1wY2MSKn5nm71wvUAj3vGCPHHWTLCreiQzcxgWGJqhAvwNpNUB992qY7a6CpZBnkYvVmyb";

    private readonly List<string> _files = [];

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var root = new RootCommand { TronCommand.Create() };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = root.Parse(["tron", .. args]).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    private string TransactionFile(string txId = TxId, string signature = Signature, string owner = Owner, string raw = RawDataHex)
    {
        var json = JsonSerializer.Serialize(new
        {
            ret = new[] { new { contractRet = "SUCCESS" } },
            signature = new[] { signature },
            txID = txId,
            raw_data = new { contract = new[] { new { parameter = new { value = new { owner_address = owner } } } } },
            raw_data_hex = raw,
        });
        var path = Path.GetTempFileName();
        File.WriteAllText(path, json);
        _files.Add(path);
        return path;
    }

    [Fact]
    public void Address_prints_base58_and_hex()
    {
        var (code, output, _) = Run("address", "--private-key", "2d8f68944bdbfbc0769542fba8fc2d2a3de67393334471624364c7006da2aa54");
        Assert.Equal(0, code);
        Assert.Equal(["TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeC", "415cd0fb0ab3ce40f3051414c604b27756e69e43db"], Lines(output));
    }

    [Fact]
    public void Address_of_a_bad_key_says_why_and_fails()
    {
        var (code, _, error) = Run("address", "--private-key", "1234");
        Assert.Equal(1, code);
        Assert.Contains("expected 32 bytes", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_prints_valid()
    {
        var (code, output, _) = Run("validate", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t");
        Assert.Equal(0, code);
        Assert.Equal("valid", output.Trim());
    }

    [Theory]
    [InlineData("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u", "checksum")]
    [InlineData("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6", "34 characters")]
    [InlineData("0xa614f803b6fd780986a42c78ec9c7f77e6ded13c", "Ethereum-style")]
    public void Validate_prints_the_reason_and_exits_1(string address, string reason)
    {
        var (code, output, _) = Run("validate", address);
        Assert.Equal(1, code);
        Assert.Contains(reason, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Derive_prints_the_deposit_address()
    {
        var (code, output, _) = Run("derive", "--xpub", Xpub, "--index", "0");
        Assert.Equal(0, code);
        Assert.Equal("TXngH8bVadn9ZWtKBgjKQcqN1GsZ7A1jcb", Lines(output)[0]);
        Assert.Equal("m/44'/195'/0'/0/0", Lines(output)[2]);
    }

    [Fact]
    public void Derive_with_a_bad_xpub_fails()
    {
        var (code, _, error) = Run("derive", "--xpub", "xpub123", "--index", "0");
        Assert.Equal(1, code);
        Assert.Contains("Invalid extended public key", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_of_a_genuine_transaction_passes_and_decodes_the_transfer()
    {
        var (code, output, _) = Run("inspect", "--file", TransactionFile());
        Assert.Equal(0, code);
        Assert.Contains("matches the file's txID", output, StringComparison.Ordinal);
        Assert.Contains("matches the owner", output, StringComparison.Ordinal);
        Assert.Contains("TriggerSmartContract", output, StringComparison.Ordinal);
        Assert.Contains("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t (USDT mainnet)", output, StringComparison.Ordinal);
        Assert.Contains("recipient  TXVj38D1XR3TPgSHTCZGC8wkLDAGqF1oqx", output, StringComparison.Ordinal);
        Assert.Contains("amount     41677389 base units", output, StringComparison.Ordinal);
        Assert.EndsWith("OK", output.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_with_a_forged_txid_fails()
    {
        var (code, output, _) = Run("inspect", "--file", TransactionFile(txId: new string('a', 64)));
        Assert.Equal(1, code);
        Assert.Contains("MISMATCH   the file says txID aaaa", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_with_someone_elses_signature_fails()
    {
        // The signature of another transaction recovers some other key.
        var other = "c4cfe5c76bf89fe004ff59de1a33934a9419301e21fbe1f00ee5b5faf17189797a7292e872a693e7bff145e76c43ea6f26c425be70d0e0d0440331390d0d65a401";
        var (code, output, _) = Run("inspect", "--file", TransactionFile(signature: other));
        Assert.Equal(1, code);
        Assert.Contains("MISMATCH   the signer is not the owner", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_with_a_malformed_signature_fails_with_the_reason()
    {
        var (code, output, _) = Run("inspect", "--file", TransactionFile(signature: Signature[..^2] + "05"));
        Assert.Equal(1, code);
        Assert.Contains("v is 5", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_with_a_lying_owner_field_fails()
    {
        var (code, output, _) = Run("inspect", "--file", TransactionFile(owner: "TXVj38D1XR3TPgSHTCZGC8wkLDAGqF1oqx"));
        Assert.Equal(1, code);
        Assert.Contains("is not the owner in raw_data_hex", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_of_garbage_fails_with_the_reason()
    {
        var (code, output, _) = Run("inspect", "--file", TransactionFile(raw: "zz"));
        Assert.Equal(1, code);
        Assert.Contains("error:", output, StringComparison.Ordinal);
        Assert.Equal(1, Run("inspect", "--file", "/no/such/file.json").Code);
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public void Dispose()
    {
        foreach (var file in _files)
        {
            File.Delete(file);
        }
    }
}
