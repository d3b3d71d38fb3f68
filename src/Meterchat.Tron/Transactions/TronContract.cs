using Meterchat.Tron.Encoding;

namespace Meterchat.Tron.Transactions;

/// <summary>
/// The one contract of a transaction (<c>Transaction.Contract{type=1, parameter=2 (Any)}</c>).
/// Every TRON contract message has owner_address as field 1.
/// </summary>
public abstract record TronContract(TronAddress Owner)
{
    public const string TypeUrlPrefix = "type.googleapis.com/protocol.";

    /// <summary>The <c>ContractType</c> enum value (1 = TransferContract, 31 = TriggerSmartContract).</summary>
    public abstract int Type { get; }

    /// <summary>The protobuf message name, e.g. TransferContract.</summary>
    public abstract string TypeName { get; }

    public string TypeUrl => TypeUrlPrefix + TypeName;

    /// <summary>The contract message itself (the Any's value).</summary>
    public abstract byte[] EncodeValue();

    internal byte[] EncodeContract()
    {
        var any = new ProtoWriter().WriteString(1, TypeUrl).WriteBytes(2, EncodeValue());
        return new ProtoWriter().WriteVarint(1, Type).WriteMessage(2, any).ToArray();
    }

    internal static TronContract DecodeContract(ReadOnlySpan<byte> message)
    {
        var type = 0;
        string? typeUrl = null;
        ReadOnlySpan<byte> value = default;
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case 1: type = checked((int)reader.ReadVarint()); break;
                case 2:
                    var any = new ProtoReader(reader.ReadBytes());
                    while (any.Next())
                    {
                        switch (any.Field)
                        {
                            case 1: typeUrl = any.ReadString(); break;
                            case 2: value = any.ReadBytes(); break;
                            default: any.Skip(); break;
                        }
                    }

                    break;
                default:
                    throw new FormatException($"Contract field {reader.Field} (provider, name or permission id) is not supported.");
            }
        }

        if (typeUrl is null || !typeUrl.StartsWith(TypeUrlPrefix, StringComparison.Ordinal))
        {
            throw new FormatException($"Contract parameter has type_url '{typeUrl}', expected '{TypeUrlPrefix}…'.");
        }

        var typeName = typeUrl[TypeUrlPrefix.Length..];
        TronContract contract = type switch
        {
            TransferContract.ContractType => TransferContract.DecodeValue(value),
            TriggerSmartContract.ContractType => TriggerSmartContract.DecodeValue(value),
            _ => OtherContract.DecodeValue(type, typeName, value),
        };
        if (contract.TypeName != typeName)
        {
            throw new FormatException($"Contract type {type} does not match its type_url '{typeUrl}'.");
        }

        return contract;
    }

    private protected static TronAddress ReadAddress(ref ProtoReader reader, string field)
    {
        var bytes = reader.ReadBytes();
        return TronAddress.TryFromBytes(bytes, out var address, out var error)
            ? address
            : throw new FormatException($"{field}: {error}.");
    }
}
