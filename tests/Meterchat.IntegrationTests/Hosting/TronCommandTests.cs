using System.Text.Json;
using Meterchat.IntegrationTests.Chats;
using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.Tron.Crypto;
using Meterchat.Tron.Encoding;
using Meterchat.Tron.Transactions;

namespace Meterchat.IntegrationTests.Hosting;

/// <summary>The README's TRON and dev-chain verbs, run as the operator runs them (see <see cref="OperatorCommand"/>).</summary>
public sealed class TronCommandTests
{
    [Fact]
    public async Task Tron_verbs_answer_as_the_readme_says()
    {
        using var key = TronKey.Generate();
        const string xpub = "xpub6ChVWbXxgtp7PfXntivshZfwQophZWmVQwKJz1wY2MSKn5nm71wvUAj3vGCPHHWTLCreiQzcxgWGJqhAvwNpNUB992qY7a6CpZBnkYvVmyb";
        var json = Path.Combine(Path.GetTempPath(), $"meterchat-tx-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(json, TransactionJson(key));
        try
        {
            var address = await OperatorCommand.RunAsync(["tron", "address", "--private-key", key.ExportHex()]);
            var valid = await OperatorCommand.RunAsync(["tron", "validate", key.Address.ToBase58()]);
            var invalid = await OperatorCommand.RunAsync(["tron", "validate", "TNotAnAddress"]);
            var derived = await OperatorCommand.RunAsync(["tron", "derive", "--xpub", xpub, "--index", "7"]);
            var inspect = await OperatorCommand.RunAsync(["tron", "inspect", "--file", json]);

            Assert.True(address.ExitCode == 0, address.ToString());
            Assert.Contains(key.Address.ToBase58(), address.Output, StringComparison.Ordinal);
            Assert.Contains(key.Address.ToHex(), address.Output, StringComparison.OrdinalIgnoreCase);
            Assert.True(valid.ExitCode == 0, valid.ToString());
            Assert.Contains("valid", valid.Output, StringComparison.Ordinal);
            Assert.Equal(1, invalid.ExitCode);
            Assert.True(derived.ExitCode == 0, derived.ToString());
            Assert.Contains(DepositKeys.DeriveAddress(xpub, 7).ToBase58(), derived.Output, StringComparison.Ordinal);
            Assert.True(inspect.ExitCode == 0, inspect.ToString());
            Assert.EndsWith("OK", inspect.Output.TrimEnd(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(json);
        }
    }

    [Fact]
    public async Task Devchain_send_usdt_pays_through_the_apps_own_dev_chain()
    {
        var db = TestDatabase.Create();
        await using var app = await AppProcess.StartAsync(db);
        var node = new Uri(app.Address, "/devchain").ToString();
        using var from = TronKey.Generate();
        var to = TronKey.Generate().Address.ToBase58();
        var trx = await OperatorCommand.RunAsync(["devchain", "faucet", "--node", node, "--to", from.Address.ToBase58(), "--amount", "100", "--token", "Trx"]);
        var usdt = await OperatorCommand.RunAsync(["devchain", "faucet", "--node", node, "--to", from.Address.ToBase58(), "--amount", "20"]);
        Assert.True(trx.ExitCode == 0 && usdt.ExitCode == 0, trx + "\n" + usdt);
        await OperatorCommand.InBlockAsync(node, OperatorCommand.TxId(trx.Output));
        await OperatorCommand.InBlockAsync(node, OperatorCommand.TxId(usdt.Output));

        var send = await OperatorCommand.RunAsync(["devchain", "send-usdt", "--node", node, "--from-key", from.ExportHex(), "--to", to, "--amount", "10.5"]);

        Assert.True(send.ExitCode == 0, send.ToString());
        await OperatorCommand.InBlockAsync(node, OperatorCommand.TxId(send.Output));
    }

    private static string TransactionJson(TronKey key)
    {
        var raw = TransactionRaw.Create(new Tapos(new byte[2], new byte[8]), 1_800_000_000_000, 1_799_999_940_000, 0,
            new TransferContract(key.Address, TronKey.Generate().Address, 1_000_000));
        var signed = SignedTransaction.Sign(raw, key);
        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["txID"] = signed.TxIdHex,
            ["raw_data_hex"] = Hex.ToHex(signed.RawBytes),
            ["signature"] = signed.Signatures.Select(s => Hex.ToHex(s)).ToArray(),
        });
    }
}
