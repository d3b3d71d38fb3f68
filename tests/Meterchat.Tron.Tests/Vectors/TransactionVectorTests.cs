using System.Numerics;
using Meterchat.Tron.Crypto;
using Meterchat.Tron.Encoding;
using Meterchat.Tron.Transactions;

namespace Meterchat.Tron.Tests.Vectors;

public class TransactionVectorTests
{
    public static TheoryData<string> Transactions => VectorFile.OfKind("transaction", "unsigned_transaction");

    public static TheoryData<string> Builds => VectorFile.OfKind("build_raw_data");

    [Theory]
    [MemberData(nameof(Transactions))]
    public void Transaction_decodes_hashes_and_recovers_its_owner(string id)
    {
        var v = VectorFile.Get(id);
        byte[] raw;
        if (v.HasIn("signed_transaction_protobuf_hex"))
        {
            var tx = SignedTransaction.FromHex(v.In("signed_transaction_protobuf_hex"));
            raw = tx.RawBytes;
            Assert.Equal(v.In("signature_hex"), Hex.ToHex(tx.Signatures[0]));
            if (v.HasEx("ret_contractRet"))
            {
                Assert.Equal((int)v.ExLong("ret_contractRet"), tx.ContractRet);
            }

            if (v.HasEx("raw_data_hex"))
            {
                Assert.Equal(v.Ex("raw_data_hex"), Hex.ToHex(raw));
            }

            Assert.Equal(v.In("signed_transaction_protobuf_hex"), Hex.ToHex(tx.Encode()));
        }
        else
        {
            raw = Hex.Parse(v.In("raw_data_hex"));
        }

        var txId = TransactionId.Compute(raw);
        Assert.Equal(v.Ex("txID"), Hex.ToHex(txId));

        if (v.HasIn("signature_hex"))
        {
            var signature = Hex.Parse(v.In("signature_hex"));
            var signer = TronSignature.RecoverSigner(txId, signature);
            Assert.Equal(v.Ex("owner_address_hex"), signer.ToHex());
            if (v.HasEx("owner_address_base58"))
            {
                Assert.Equal(v.Ex("owner_address_base58"), signer.ToBase58());
            }

            if (v.HasEx("public_key_hex"))
            {
                Assert.Equal(v.Ex("public_key_hex")[^128..], Hex.ToHex(TronSignature.RecoverPublicKey(txId, signature))[2..]);
            }

            var signed = new SignedTransaction(raw, [signature]);
            Assert.Equal(signer, signed.RecoverSigner());
            if (v.HasEx("bandwidth_net_usage"))
            {
                Assert.Equal(v.ExLong("bandwidth_net_usage"), signed.BandwidthBytes);
            }
        }

        var decoded = TransactionRaw.Decode(raw);
        Assert.Equal(Hex.ToHex(raw), Hex.ToHex(decoded.Encode()));
        Assert.Equal(v.Ex("txID"), decoded.TxIdHex);
        foreach (var (key, actual) in new (string, string)[]
                 {
                     ("ref_block_bytes", Hex.ToHex(decoded.RefBlockBytes)),
                     ("ref_block_hash", Hex.ToHex(decoded.RefBlockHash)),
                     ("data", Hex.ToHex(decoded.Data)),
                 })
        {
            if (v.HasEx(key))
            {
                Assert.Equal(v.Ex(key), actual);
            }
        }

        foreach (var (key, actual) in new (string, long)[]
                 {
                     ("expiration", decoded.Expiration), ("timestamp", decoded.Timestamp), ("fee_limit", decoded.FeeLimit),
                 })
        {
            if (v.HasEx(key))
            {
                Assert.Equal(v.ExLong(key), actual);
            }
        }

        Assert.Equal(v.ExLong("contract_type"), decoded.Contract.Type);
        Assert.Equal(v.Ex("owner_address_hex"), decoded.Contract.Owner.ToHex());
        switch (decoded.Contract)
        {
            case TransferContract transfer:
                Assert.Equal(v.Ex("to_address_hex"), transfer.To.ToHex());
                Assert.Equal(v.ExLong("amount_sun"), transfer.AmountSun);
                break;
            case TriggerSmartContract trigger:
                Assert.Equal(v.Ex("contract_address_hex"), trigger.ContractAddress.ToHex());
                Assert.Equal(v.HasEx("call_value") ? v.ExLong("call_value") : 0, trigger.CallValue);
                if (v.HasEx("data_hex"))
                {
                    Assert.Equal(v.Ex("data_hex"), Hex.ToHex(trigger.Data));
                }

                var (to, amount) = Trc20.DecodeTransfer(trigger.Data);
                Assert.Equal(v.Ex("transfer_to_hex"), to.ToHex());
                if (v.HasEx("transfer_to_base58"))
                {
                    Assert.Equal(v.Ex("transfer_to_base58"), to.ToBase58());
                }

                Assert.Equal(new BigInteger(v.ExLong("transfer_amount_base_units")), amount);
                if (v.HasEx("data_word_high12"))
                {
                    Assert.Equal(v.Ex("data_word_high12"), Hex.ToHex(trigger.Data.AsSpan(4, 12)));
                }

                break;
            default:
                Assert.Fail($"Unexpected contract {decoded.Contract.TypeName}");
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Builds))]
    public void Raw_data_built_from_fields_matches(string id)
    {
        var v = VectorFile.Get(id);
        var f = v.Inputs.GetProperty("fields");
        string Str(System.Text.Json.JsonElement e, string name) => e.TryGetProperty(name, out var p) ? p.GetString()! : "";
        long Num(System.Text.Json.JsonElement e, string name) => e.TryGetProperty(name, out var p) ? p.GetInt64() : 0;

        Tapos tapos;
        if (v.HasIn("block_header"))
        {
            var h = v.Inputs.GetProperty("block_header");
            var header = new BlockHeaderRaw(
                Num(h, "number"), Num(h, "timestamp"), Hex.Parse(Str(h, "txTrieRoot")), Hex.Parse(Str(h, "parentHash")),
                TronAddress.FromHex(Str(h, "witness_address")), (int)Num(h, "version"));
            tapos = Tapos.FromBlock(header.Number, header.BlockId());
            Assert.Equal(v.Ex("ref_block_bytes"), Hex.ToHex(tapos.RefBlockBytes));
            Assert.Equal(v.Ex("ref_block_hash"), Hex.ToHex(tapos.RefBlockHash));
        }
        else
        {
            tapos = new Tapos(Hex.Parse(Str(f, "ref_block_bytes")), Hex.Parse(Str(f, "ref_block_hash")));
        }

        var c = f.GetProperty("contract");
        TronContract contract = Str(c, "type") switch
        {
            "TransferContract" => new TransferContract(
                TronAddress.FromHex(Str(c, "owner_address")), TronAddress.FromHex(Str(c, "to_address")), Num(c, "amount")),
            "TriggerSmartContract" => new TriggerSmartContract(
                TronAddress.FromHex(Str(c, "owner_address")), TronAddress.FromHex(Str(c, "contract_address")), Num(c, "call_value"),
                Hex.Parse(Str(c, "data")), Num(c, "call_token_value"), Num(c, "token_id")),
            var other => throw new InvalidOperationException(other),
        };
        var raw = new TransactionRaw(
            tapos.RefBlockBytes, tapos.RefBlockHash, Num(f, "expiration"), Num(f, "timestamp"), Num(f, "fee_limit"),
            Hex.Parse(Str(f, "data")), contract);

        var bytes = raw.Encode();
        if (v.HasEx("raw_data_hex"))
        {
            Assert.Equal(v.Ex("raw_data_hex"), Hex.ToHex(bytes));
        }

        Assert.Equal(v.Ex("txID"), raw.TxIdHex);
        Assert.Equal(raw, TransactionRaw.Decode(bytes));

        if (v.HasIn("private_key_hex"))
        {
            using var key = TronKey.FromHex(v.In("private_key_hex"));
            var signed = SignedTransaction.Sign(raw, key);
            Assert.Equal(v.Ex("signature_hex"), Hex.ToHex(signed.Signatures[0]));
            Assert.Equal(key.Address, signed.RecoverSigner());
            if (v.HasEx("broadcasthex_transaction_hex"))
            {
                Assert.Equal(v.Ex("broadcasthex_transaction_hex"), signed.ToHex());
            }
        }
    }
}
