using Meterchat.Tron.Crypto;
using Meterchat.Tron.Encoding;
using Meterchat.Tron.Transactions;

namespace Meterchat.Tron.Tests.Transactions;

public class TransactionRawTests
{
    private static readonly TronAddress Owner = TronAddress.Parse("TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeC");
    private static readonly TronAddress Recipient = TronAddress.Parse("TQGjrFjwuXuQu7ZhxcVeqpDVxFZt9RgzUs");
    private static readonly Tapos Reference = Tapos.FromBlockId(Hex.Parse("0000000003546431212a13dbe72ac5c09a684deb83257258a6fcdc1115835077"));

    private static TransactionRaw UsdtTransfer(ulong amount = 1_000_000) =>
        TransactionRaw.Create(Reference, 1_751_466_492_131, 1_751_466_432_131, 50_000_000,
            new TriggerSmartContract(Owner, Trc20.MainnetUsdt, 0, Trc20.EncodeTransfer(Recipient, amount)));

    [Fact]
    public void Built_transfer_decodes_to_the_same_transaction()
    {
        var raw = UsdtTransfer();
        var decoded = TransactionRaw.Decode(raw.Encode());
        Assert.Equal(raw, decoded);
        Assert.Equal(raw.TxIdHex, decoded.TxIdHex);
        var trigger = Assert.IsType<TriggerSmartContract>(decoded.Contract);
        Assert.Equal((Recipient, new System.Numerics.BigInteger(1_000_000)), Trc20.DecodeTransfer(trigger.Data));
    }

    [Fact]
    public void ToString_shows_hex_not_byte_arrays()
    {
        var text = UsdtTransfer().ToString();
        Assert.Contains("RefBlockBytes = 6431", text, StringComparison.Ordinal);
        Assert.Contains("Data = a9059cbb", text, StringComparison.Ordinal);
        Assert.DoesNotContain("System.Byte[]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_contract_types_survive_a_round_trip()
    {
        // A FreezeBalanceV2Contract (type 54): owner 1, frozen_balance 2, resource 3.
        var value = new ProtoWriter().WriteBytes(1, Owner.Bytes).WriteVarint(2, 1_000_000).WriteVarint(3, 1).ToArray();
        var raw = TransactionRaw.Create(Reference, 2, 1, 0, new OtherContract(Owner, 54, "FreezeBalanceV2Contract", value));
        var decoded = TransactionRaw.Decode(raw.Encode());
        Assert.Equal(raw, decoded);
        Assert.Equal("type.googleapis.com/protocol.FreezeBalanceV2Contract", decoded.Contract.TypeUrl);
        Assert.Equal(Owner, decoded.Contract.Owner);
    }

    [Fact]
    public void Changing_any_field_changes_the_txid()
    {
        var raw = UsdtTransfer();
        Assert.NotEqual(raw.TxIdHex, (raw with { FeeLimit = raw.FeeLimit + 1 }).TxIdHex);
        Assert.NotEqual(raw.TxIdHex, (raw with { Expiration = raw.Expiration + 1 }).TxIdHex);
        Assert.NotEqual(raw.TxIdHex, UsdtTransfer(1_000_001).TxIdHex);
    }

    [Fact]
    public void Unsupported_raw_field_is_refused_rather_than_dropped()
    {
        var bytes = new ProtoWriter().WriteBytes(1, [1, 2]).WriteVarint(3, 7).ToArray();
        Assert.Contains("raw_data field 3 is not supported", Assert.Throws<FormatException>(() => TransactionRaw.Decode(bytes)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_without_a_contract_or_with_two_is_refused()
    {
        Assert.Contains("no contract", Assert.Throws<FormatException>(() => TransactionRaw.Decode(new ProtoWriter().WriteBytes(1, [1, 2]).ToArray())).Message, StringComparison.Ordinal);

        var contract = GetContractBytes(UsdtTransfer().Encode());
        var twice = new ProtoWriter().WriteBytes(1, [1, 2]).WriteBytes(11, contract).WriteBytes(11, contract).ToArray();
        Assert.Contains("more than one contract", Assert.Throws<FormatException>(() => TransactionRaw.Decode(twice)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Contract_whose_type_and_type_url_disagree_is_refused()
    {
        var transfer = new TransferContract(Owner, Recipient, 5);
        var any = new ProtoWriter().WriteString(1, "type.googleapis.com/protocol.TransferContract").WriteBytes(2, transfer.EncodeValue());
        var contract = new ProtoWriter().WriteVarint(1, 31).WriteMessage(2, any);
        var bytes = new ProtoWriter().WriteMessage(11, contract).ToArray();
        Assert.Contains("does not match its type_url", Assert.Throws<FormatException>(() => TransactionRaw.Decode(bytes)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Address_with_a_wrong_prefix_inside_a_contract_is_refused()
    {
        var badOwner = Owner.Bytes;
        badOwner[0] = 0xa0;
        var value = new ProtoWriter().WriteBytes(1, badOwner).WriteBytes(2, Recipient.Bytes).WriteVarint(3, 1).ToArray();
        var any = new ProtoWriter().WriteString(1, "type.googleapis.com/protocol.TransferContract").WriteBytes(2, value);
        var bytes = new ProtoWriter().WriteMessage(11, new ProtoWriter().WriteVarint(1, 1).WriteMessage(2, any)).ToArray();
        Assert.Contains("owner_address: the prefix byte is 0xa0", Assert.Throws<FormatException>(() => TransactionRaw.Decode(bytes)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_bytes_are_refused()
    {
        var raw = UsdtTransfer().Encode();
        Assert.Throws<FormatException>(() => TransactionRaw.Decode(raw.AsSpan(0, raw.Length - 3)));
    }

    [Fact]
    public void Signed_transaction_round_trips_and_recovers_its_signer()
    {
        using var key = TronKey.Generate();
        var raw = UsdtTransfer() with { Contract = new TriggerSmartContract(key.Address, Trc20.MainnetUsdt, 0, Trc20.EncodeTransfer(Recipient, 5UL)) };
        var signed = SignedTransaction.Sign(raw, key);
        var decoded = SignedTransaction.FromHex(signed.ToHex());
        Assert.Equal(signed.TxIdHex, decoded.TxIdHex);
        Assert.Equal(raw, decoded.Raw);
        Assert.Equal(key.Address, decoded.RecoverSigner());
        Assert.Equal(decoded.Raw.Contract.Owner, decoded.RecoverSigner());
        Assert.Null(decoded.ContractRet);
        Assert.Throws<InvalidOperationException>(() => decoded.RecoverSigner(1));
    }

    [Fact]
    public void Transaction_without_raw_data_is_refused() =>
        Assert.Contains("no raw_data", Assert.Throws<FormatException>(() => SignedTransaction.Decode(new ProtoWriter().WriteBytes(2, new byte[65]).ToArray())).Message, StringComparison.Ordinal);

    private static byte[] GetContractBytes(byte[] raw)
    {
        var reader = new ProtoReader(raw);
        while (reader.Next())
        {
            if (reader.Field == 11)
            {
                return reader.ReadBytes().ToArray();
            }

            reader.Skip();
        }

        throw new InvalidOperationException();
    }
}
