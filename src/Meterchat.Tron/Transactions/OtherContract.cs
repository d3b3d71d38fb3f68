using Meterchat.Tron.Encoding;

namespace Meterchat.Tron.Transactions;

/// <summary>
/// Any other contract type (freeze, vote, TRC10 transfer…), kept as its encoded value so a
/// decoded transaction re-encodes to the same bytes.
/// </summary>
public sealed record OtherContract(TronAddress Owner, int ContractType, string ContractTypeName, byte[] Value) : TronContract(Owner)
{
    public override int Type => ContractType;

    public override string TypeName => ContractTypeName;

    public override byte[] EncodeValue() => Value;

    public bool Equals(OtherContract? other) =>
        other is not null && Owner == other.Owner && ContractType == other.ContractType
        && ContractTypeName == other.ContractTypeName && Value.AsSpan().SequenceEqual(other.Value);

    public override int GetHashCode() => HashCode.Combine(Owner, ContractType, Value.Length);

    internal static OtherContract DecodeValue(int type, string typeName, ReadOnlySpan<byte> value)
    {
        var reader = new ProtoReader(value);
        while (reader.Next())
        {
            if (reader.Field == 1 && reader.WireType == ProtoReader.WireLengthDelimited)
            {
                return new OtherContract(ReadAddress(ref reader, "owner_address"), type, typeName, value.ToArray());
            }

            reader.Skip();
        }

        throw new FormatException($"{typeName} has no owner_address.");
    }
}
