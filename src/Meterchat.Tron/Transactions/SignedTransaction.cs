using Meterchat.Tron.Crypto;
using Meterchat.Tron.Encoding;

namespace Meterchat.Tron.Transactions;

/// <summary>
/// <c>Transaction{raw_data=1, signature=2 (repeated), ret=5 (repeated)}</c>: the raw bytes exactly
/// as signed, their signatures, and the node's result entries if it returned any. The hex of
/// <see cref="Encode"/> without ret is what <c>/wallet/broadcasthex</c> takes.
/// </summary>
public sealed class SignedTransaction
{
    private TransactionRaw? _raw;

    public SignedTransaction(byte[] rawBytes, IReadOnlyList<byte[]> signatures, IReadOnlyList<byte[]>? ret = null)
    {
        ArgumentNullException.ThrowIfNull(rawBytes);
        ArgumentNullException.ThrowIfNull(signatures);
        RawBytes = rawBytes;
        Signatures = signatures;
        Ret = ret ?? [];
        TxId = TransactionId.Compute(rawBytes);
    }

    /// <summary>raw_data exactly as received or built; the txID is its sha256.</summary>
    public byte[] RawBytes { get; }

    public IReadOnlyList<byte[]> Signatures { get; }

    /// <summary>Encoded <c>Transaction.Result</c> messages (present in a node's stored transaction, not in a broadcast).</summary>
    public IReadOnlyList<byte[]> Ret { get; }

    public byte[] TxId { get; }

    public string TxIdHex => Hex.ToHex(TxId);

    /// <summary>raw_data decoded (strict; throws <see cref="FormatException"/> for unsupported fields).</summary>
    public TransactionRaw Raw => _raw ??= TransactionRaw.Decode(RawBytes);

    /// <summary>ret[0].contractRet (1 = SUCCESS, 2 = REVERT, 10 = OUT_OF_ENERGY…), or null without ret.</summary>
    public int? ContractRet
    {
        get
        {
            if (Ret.Count == 0)
            {
                return null;
            }

            var reader = new ProtoReader(Ret[0]);
            while (reader.Next())
            {
                if (reader.Field == 3)
                {
                    return checked((int)reader.ReadVarint());
                }

                reader.Skip();
            }

            return 0;
        }
    }

    /// <summary>Bandwidth points the transaction consumes: its size without ret, plus 64 (java-tron's allowance for the result).</summary>
    public int BandwidthBytes => Encode(includeRet: false).Length + 64;

    public static SignedTransaction Sign(TransactionRaw raw, TronKey key)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(key);
        var bytes = raw.Encode();
        var signed = new SignedTransaction(bytes, [key.Sign(TransactionId.Compute(bytes))]);
        signed._raw = raw;
        return signed;
    }

    /// <summary>The address that made signature <paramref name="index"/>.</summary>
    public TronAddress RecoverSigner(int index = 0)
    {
        if (index < 0 || index >= Signatures.Count)
        {
            throw new InvalidOperationException($"The transaction has {Signatures.Count} signature(s); there is no signature {index}.");
        }

        return TronSignature.RecoverSigner(TxId, Signatures[index]);
    }

    public byte[] Encode(bool includeRet = true)
    {
        var writer = new ProtoWriter().WriteBytes(1, RawBytes);
        foreach (var signature in Signatures)
        {
            writer.WriteBytes(2, signature);
        }

        if (includeRet)
        {
            foreach (var ret in Ret)
            {
                writer.WriteBytes(5, ret);
            }
        }

        return writer.ToArray();
    }

    /// <summary>Hex of the broadcast form (no ret).</summary>
    public string ToHex() => Hex.ToHex(Encode(includeRet: false));

    public static SignedTransaction Decode(ReadOnlySpan<byte> transaction)
    {
        byte[]? raw = null;
        var signatures = new List<byte[]>();
        var ret = new List<byte[]>();
        var reader = new ProtoReader(transaction);
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case 1: raw = reader.ReadBytes().ToArray(); break;
                case 2: signatures.Add(reader.ReadBytes().ToArray()); break;
                case 5: ret.Add(reader.ReadBytes().ToArray()); break;
                default: throw new FormatException($"Transaction field {reader.Field} is not supported.");
            }
        }

        return new SignedTransaction(raw ?? throw new FormatException("Transaction has no raw_data."), signatures, ret);
    }

    public static SignedTransaction FromHex(string transactionHex) => Decode(Hex.Parse(transactionHex));
}
