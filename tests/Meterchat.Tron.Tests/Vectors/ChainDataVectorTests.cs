using System.Numerics;
using System.Text.Json;
using Meterchat.Tron.Crypto;
using Meterchat.Tron.Encoding;
using Meterchat.Tron.Transactions;

namespace Meterchat.Tron.Tests.Vectors;

public class ChainDataVectorTests
{
    public static TheoryData<string> Bip44 => VectorFile.OfKind("bip44_derivation");
    public static TheoryData<string> Infos => VectorFile.OfKind("transaction_info_transfer_log");
    public static TheoryData<string> TronGridItems => VectorFile.OfKind("trongrid_trc20_item");
    public static TheoryData<string> AbiTransfers => VectorFile.OfKind("abi_encode_transfer");

    [Theory]
    [MemberData(nameof(Bip44))]
    public void Bip44_derivation_matches_with_and_without_private_keys(string id)
    {
        var v = VectorFile.Get(id);
        var path = v.In("path");
        Assert.StartsWith(DepositKeys.AccountPath + "/0/", path, StringComparison.Ordinal);
        var index = uint.Parse(path[(DepositKeys.AccountPath.Length + 3)..]);
        var passphrase = v.HasIn("passphrase") ? v.In("passphrase") : null;

        using var key = DepositKeys.PrivateKeyAt(v.In("mnemonic"), index, passphrase);
        Assert.Equal(v.Ex("address_base58"), key.Address.ToBase58());
        if (v.HasEx("private_key_hex"))
        {
            Assert.Equal(v.Ex("private_key_hex"), key.ExportHex());
        }

        if (v.HasEx("public_key_compressed_hex"))
        {
            Assert.Equal(v.Ex("public_key_compressed_hex"), Hex.ToHex(key.PublicKeyCompressed));
        }

        var xpub = DepositKeys.AccountXpubFromMnemonic(v.In("mnemonic"), passphrase);
        if (v.HasEx("account_xpub"))
        {
            Assert.Equal(v.Ex("account_xpub"), xpub);
        }

        Assert.Equal(v.Ex("address_base58"), DepositKeys.FromAccountXpub(xpub).AddressAt(index).ToBase58());
    }

    [Theory]
    [MemberData(nameof(Infos))]
    public void Transfer_logs_decode_from_transaction_info(string id)
    {
        var v = VectorFile.Get(id);
        var info = v.Inputs.GetProperty("transaction_info");
        Assert.Equal(v.Ex("txID"), info.GetProperty("id").GetString());
        Assert.Equal(TransferLog.Topic0Hex, v.Ex("transfer_topic0"));

        var decoded = new List<(TronAddress Emitter, TransferLog Log)>();
        foreach (var log in info.TryGetProperty("log", out var logs) ? logs.EnumerateArray() : default)
        {
            var topics = log.GetProperty("topics").EnumerateArray().Select(t => t.GetString()!).ToList();
            if (TransferLog.TryDecode(topics, log.GetProperty("data").GetString()!, out var transfer))
            {
                decoded.Add((TronAddress.FromLogAddress(log.GetProperty("address").GetString()!), transfer));
            }
        }

        var expected = v.Expected.GetProperty("transfers").EnumerateArray().ToList();
        Assert.Equal(expected.Count, decoded.Count);
        foreach (var ((emitter, log), tr) in decoded.Zip(expected))
        {
            Assert.Equal(v.Ex("token_contract_hex"), emitter.ToHex());
            Assert.Equal(Trc20.MainnetUsdt, emitter);
            Assert.Equal(tr.GetProperty("from_hex").GetString(), log.From.ToHex());
            Assert.Equal(tr.GetProperty("to_hex").GetString(), log.To.ToHex());
            if (tr.TryGetProperty("from_base58", out var fromB58))
            {
                Assert.Equal(fromB58.GetString(), log.From.ToBase58());
            }

            if (tr.TryGetProperty("to_base58", out var toB58))
            {
                Assert.Equal(toB58.GetString(), log.To.ToBase58());
            }

            Assert.Equal(tr.GetProperty("value_base_units").GetInt64(), log.AmountAsInt64());
        }

        var receipt = info.TryGetProperty("receipt", out var r) ? r : default;
        string? Text(JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var p) ? p.GetString() : null;
        long Number(JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var p) ? p.GetInt64() : 0;

        Assert.Equal(v.Expected.GetProperty("succeeded").GetBoolean(), ExecutionResult.Succeeded(Text(receipt, "result"), Text(info, "result")));
        if (v.HasEx("receipt_result"))
        {
            Assert.Equal(v.Ex("receipt_result"), Text(receipt, "result"));
        }

        if (v.HasEx("res_message_utf8"))
        {
            Assert.Equal(v.Ex("res_message_utf8"), System.Text.Encoding.UTF8.GetString(Hex.Parse(Text(info, "resMessage")!)));
        }

        if (v.HasEx("energy_price_sun"))
        {
            // What a transfer really cost: burned energy (total minus staked and origin energy) × price, plus burned bandwidth.
            var burned = Number(receipt, "energy_usage_total") - Number(receipt, "energy_usage") - Number(receipt, "origin_energy_usage");
            Assert.Equal(burned * v.ExLong("energy_price_sun"), Number(receipt, "energy_fee"));
            Assert.Equal(Number(receipt, "energy_fee") + Number(receipt, "net_fee"), Number(info, "fee"));
        }
    }

    [Theory]
    [MemberData(nameof(TronGridItems))]
    public void TronGrid_trc20_items_read_and_oversized_amounts_are_refused(string id)
    {
        var v = VectorFile.Get(id);
        var item = v.Inputs.GetProperty("item");
        var token = TronAddress.Parse(item.GetProperty("token_info").GetProperty("address").GetString()!);
        Assert.Equal(v.Ex("token_contract_base58"), token.ToBase58());
        Assert.Equal(v.ExLong("decimals"), item.GetProperty("token_info").GetProperty("decimals").GetInt64());
        Assert.Equal(v.Expected.GetProperty("is_mainnet_usdt").GetBoolean(), token == Trc20.MainnetUsdt);

        var log = new TransferLog(
            TronAddress.Parse(item.GetProperty("from").GetString()!),
            TronAddress.Parse(item.GetProperty("to").GetString()!),
            BigInteger.Parse(item.GetProperty("value").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(v.Ex("from_hex"), log.From.ToHex());
        Assert.Equal(v.Ex("to_hex"), log.To.ToHex());
        var expected = BigInteger.Parse(v.Expected.GetProperty("value_base_units").GetRawText(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, log.Amount);
        if (expected <= long.MaxValue)
        {
            Assert.Equal((long)expected, log.AmountAsInt64());
        }
        else
        {
            var ex = Assert.Throws<OverflowException>(() => log.AmountAsInt64());
            Assert.Contains(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(AbiTransfers))]
    public void Transfer_call_data_is_abi_encoded(string id)
    {
        var v = VectorFile.Get(id);
        var to = TronAddress.Parse(v.In("to_base58"));
        var amount = (ulong)v.Inputs.GetProperty("amount_base_units").GetInt64();
        var data = Trc20.EncodeTransfer(to, amount);
        if (v.HasEx("data_hex"))
        {
            Assert.Equal(v.Ex("data_hex"), Hex.ToHex(data));
        }

        if (v.HasEx("parameter_hex"))
        {
            Assert.Equal(v.Ex("parameter_hex"), Hex.ToHex(data.AsSpan(4)));
        }

        Assert.Equal((to, new BigInteger(amount)), Trc20.DecodeTransfer(data));
    }
}
