using Meterchat.Tron.Encoding;

namespace Meterchat.Tron.Transactions;

/// <summary>
/// A smart-contract call: <c>TriggerSmartContract{owner_address=1, contract_address=2, call_value=3,
/// data=4, call_token_value=5, token_id=6}</c>. A TRC20 transfer puts <see cref="Trc20.EncodeTransfer(TronAddress, System.Numerics.BigInteger)"/> in Data.
/// </summary>
public sealed record TriggerSmartContract(
    TronAddress Owner,
    TronAddress ContractAddress,
    long CallValue,
    byte[] Data,
    long CallTokenValue = 0,
    long TokenId = 0) : TronContract(Owner)
{
    public const int ContractType = 31;

    public override int Type => ContractType;

    public override string TypeName => nameof(TriggerSmartContract);

    public override byte[] EncodeValue() =>
        new ProtoWriter()
            .WriteBytes(1, Owner.Bytes)
            .WriteBytes(2, ContractAddress.Bytes)
            .WriteVarint(3, CallValue)
            .WriteBytes(4, Data)
            .WriteVarint(5, CallTokenValue)
            .WriteVarint(6, TokenId)
            .ToArray();

    public bool Equals(TriggerSmartContract? other) =>
        other is not null
        && Owner == other.Owner
        && ContractAddress == other.ContractAddress
        && CallValue == other.CallValue
        && Data.AsSpan().SequenceEqual(other.Data)
        && CallTokenValue == other.CallTokenValue
        && TokenId == other.TokenId;

    public override int GetHashCode() => HashCode.Combine(Owner, ContractAddress, CallValue, Data.Length, CallTokenValue, TokenId);

    protected override bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Owner = {Owner}, ContractAddress = {ContractAddress}, CallValue = {CallValue}, Data = {Hex.ToHex(Data)}");
        if (CallTokenValue != 0 || TokenId != 0)
        {
            builder.Append($", CallTokenValue = {CallTokenValue}, TokenId = {TokenId}");
        }

        return true;
    }

    internal static TriggerSmartContract DecodeValue(ReadOnlySpan<byte> value)
    {
        TronAddress? owner = null, contract = null;
        long callValue = 0, callTokenValue = 0, tokenId = 0;
        byte[] data = [];
        var reader = new ProtoReader(value);
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case 1: owner = ReadAddress(ref reader, "owner_address"); break;
                case 2: contract = ReadAddress(ref reader, "contract_address"); break;
                case 3: callValue = reader.ReadInt64(); break;
                case 4: data = reader.ReadBytes().ToArray(); break;
                case 5: callTokenValue = reader.ReadInt64(); break;
                case 6: tokenId = reader.ReadInt64(); break;
                default: throw new FormatException($"TriggerSmartContract field {reader.Field} is not supported.");
            }
        }

        return new TriggerSmartContract(
            owner ?? throw new FormatException("TriggerSmartContract has no owner_address."),
            contract ?? throw new FormatException("TriggerSmartContract has no contract_address."),
            callValue,
            data,
            callTokenValue,
            tokenId);
    }
}
