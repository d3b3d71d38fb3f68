using Meterchat.Tron.Encoding;

namespace Meterchat.Tron.Transactions;

/// <summary>
/// <c>Transaction.raw</c>: what is hashed into the txID and signed. Times are Unix milliseconds.
/// Fields are encoded in field-number order with proto3 defaults omitted
/// (ref_block_bytes=1, ref_block_hash=4, expiration=8, data=10, contract=11, timestamp=14, fee_limit=18).
/// </summary>
public sealed record TransactionRaw(
    byte[] RefBlockBytes,
    byte[] RefBlockHash,
    long Expiration,
    long Timestamp,
    long FeeLimit,
    byte[] Data,
    TronContract Contract)
{
    /// <summary>Builds a raw transaction on a TAPOS reference (see <see cref="Tapos"/>), without a memo.</summary>
    public static TransactionRaw Create(Tapos tapos, long expiration, long timestamp, long feeLimit, TronContract contract) =>
        new(tapos.RefBlockBytes, tapos.RefBlockHash, expiration, timestamp, feeLimit, [], contract);

    /// <summary>sha256 of <see cref="Encode"/>: the transaction id.</summary>
    public byte[] TxId => TransactionId.Compute(Encode());

    public string TxIdHex => Hex.ToHex(TxId);

    public byte[] Encode() =>
        new ProtoWriter()
            .WriteBytes(1, RefBlockBytes)
            .WriteBytes(4, RefBlockHash)
            .WriteVarint(8, Expiration)
            .WriteBytes(10, Data)
            .WriteBytes(11, Contract.EncodeContract())
            .WriteVarint(14, Timestamp)
            .WriteVarint(18, FeeLimit)
            .ToArray();

    /// <summary>
    /// Decodes raw_data bytes. Strict: a field this model does not carry (auths, scripts, a second
    /// contract…) is an error, so that <c>Decode(b).Encode()</c> always gives back <c>b</c>.
    /// </summary>
    public static TransactionRaw Decode(ReadOnlySpan<byte> raw)
    {
        byte[] refBlockBytes = [], refBlockHash = [], data = [];
        long expiration = 0, timestamp = 0, feeLimit = 0;
        TronContract? contract = null;
        var reader = new ProtoReader(raw);
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case 1: refBlockBytes = reader.ReadBytes().ToArray(); break;
                case 4: refBlockHash = reader.ReadBytes().ToArray(); break;
                case 8: expiration = reader.ReadInt64(); break;
                case 10: data = reader.ReadBytes().ToArray(); break;
                case 11:
                    if (contract is not null)
                    {
                        throw new FormatException("raw_data has more than one contract; TRON allows one.");
                    }

                    contract = TronContract.DecodeContract(reader.ReadBytes());
                    break;
                case 14: timestamp = reader.ReadInt64(); break;
                case 18: feeLimit = reader.ReadInt64(); break;
                default: throw new FormatException($"raw_data field {reader.Field} is not supported.");
            }
        }

        return new TransactionRaw(
            refBlockBytes,
            refBlockHash,
            expiration,
            timestamp,
            feeLimit,
            data,
            contract ?? throw new FormatException("raw_data has no contract."));
    }

    public static TransactionRaw FromHex(string rawDataHex) => Decode(Hex.Parse(rawDataHex));

    public bool Equals(TransactionRaw? other) =>
        other is not null
        && RefBlockBytes.AsSpan().SequenceEqual(other.RefBlockBytes)
        && RefBlockHash.AsSpan().SequenceEqual(other.RefBlockHash)
        && Expiration == other.Expiration
        && Timestamp == other.Timestamp
        && FeeLimit == other.FeeLimit
        && Data.AsSpan().SequenceEqual(other.Data)
        && Contract.Equals(other.Contract);

    public override int GetHashCode() => HashCode.Combine(Expiration, Timestamp, FeeLimit, Contract);

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"TxId = {TxIdHex}, RefBlockBytes = {Hex.ToHex(RefBlockBytes)}, RefBlockHash = {Hex.ToHex(RefBlockHash)}, ");
        builder.Append($"Expiration = {Expiration}, Timestamp = {Timestamp}, FeeLimit = {FeeLimit}, Data = {Hex.ToHex(Data)}, Contract = {Contract}");
        return true;
    }
}
