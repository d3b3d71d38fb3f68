using Meterchat.Tron.Encoding;

namespace Meterchat.Tron.Transactions;

/// <summary>A TRX transfer: <c>TransferContract{owner_address=1, to_address=2, amount=3}</c>, amount in sun.</summary>
public sealed record TransferContract(TronAddress Owner, TronAddress To, long AmountSun) : TronContract(Owner)
{
    public const int ContractType = 1;

    public override int Type => ContractType;

    public override string TypeName => nameof(TransferContract);

    public override byte[] EncodeValue() =>
        new ProtoWriter().WriteBytes(1, Owner.Bytes).WriteBytes(2, To.Bytes).WriteVarint(3, AmountSun).ToArray();

    internal static TransferContract DecodeValue(ReadOnlySpan<byte> value)
    {
        TronAddress? owner = null, to = null;
        long amount = 0;
        var reader = new ProtoReader(value);
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case 1: owner = ReadAddress(ref reader, "owner_address"); break;
                case 2: to = ReadAddress(ref reader, "to_address"); break;
                case 3: amount = reader.ReadInt64(); break;
                default: throw new FormatException($"TransferContract field {reader.Field} is not supported.");
            }
        }

        return new TransferContract(
            owner ?? throw new FormatException("TransferContract has no owner_address."),
            to ?? throw new FormatException("TransferContract has no to_address."),
            amount);
    }
}
