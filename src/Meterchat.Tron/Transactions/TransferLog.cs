using System.Numerics;
using Meterchat.Tron.Encoding;

namespace Meterchat.Tron.Transactions;

/// <summary>
/// A decoded TRC20 <c>Transfer(address indexed from, address indexed to, uint256 value)</c> event:
/// topic0 = keccak256("Transfer(address,address,uint256)"), topics[1..2] = the addresses
/// left-padded to 32 bytes, data = the amount. Which contract emitted the log is the caller's
/// check (the log's address must be the configured USDT contract).
/// </summary>
public readonly record struct TransferLog(TronAddress From, TronAddress To, BigInteger Amount)
{
    public const string Topic0Hex = "ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";

    /// <summary>Decodes a log as a node returns it (hex strings, with or without 0x). False when it is not a TRC20 Transfer.</summary>
    public static bool TryDecode(IReadOnlyList<string> topicsHex, string dataHex, out TransferLog log) =>
        TryDecode(topicsHex, dataHex, out log, out _);

    public static bool TryDecode(IReadOnlyList<string> topicsHex, string dataHex, out TransferLog log, out string? error)
    {
        ArgumentNullException.ThrowIfNull(topicsHex);
        log = default;
        // An ERC721 Transfer has the same topic0 but four topics (the token id is indexed).
        if (topicsHex.Count != 3)
        {
            error = $"a TRC20 Transfer log has 3 topics, this one has {topicsHex.Count}";
            return false;
        }

        Span<byte> word = stackalloc byte[32];
        if (!Word(topicsHex[0], word) || !word.SequenceEqual(Topic0))
        {
            error = "topic0 is not Transfer(address,address,uint256)";
            return false;
        }

        if (!Word(topicsHex[1], word))
        {
            error = "an address topic is not a 32-byte hex word";
            return false;
        }

        var from = TronAddress.FromLast20(word[12..]);
        if (!Word(topicsHex[2], word))
        {
            error = "an address topic is not a 32-byte hex word";
            return false;
        }

        var to = TronAddress.FromLast20(word[12..]);
        if (!Word(dataHex, word))
        {
            error = "data is not one 32-byte hex word";
            return false;
        }

        log = new TransferLog(from, to, new BigInteger(word, isUnsigned: true, isBigEndian: true));
        error = null;
        return true;
    }

    /// <summary>
    /// The amount as a 64-bit count of base units (µUSDT for USDT). Throws <see cref="OverflowException"/>
    /// for an amount the ledger cannot hold: a real USDT transfer never comes close, a hostile token can.
    /// </summary>
    public long AmountAsInt64() =>
        TryGetAmountAsInt64(out var value, out var error) ? value : throw new OverflowException(error);

    public bool TryGetAmountAsInt64(out long value, out string? error)
    {
        if (Amount > long.MaxValue)
        {
            value = 0;
            error = $"transfer amount {Amount} base units is above the largest the ledger holds ({long.MaxValue} µUSDT)";
            return false;
        }

        value = (long)Amount;
        error = null;
        return true;
    }

    private static ReadOnlySpan<byte> Topic0 =>
    [
        0xdd, 0xf2, 0x52, 0xad, 0x1b, 0xe2, 0xc8, 0x9b, 0x69, 0xc2, 0xb0, 0x68, 0xfc, 0x37, 0x8d, 0xaa,
        0x95, 0x2b, 0xa7, 0xf1, 0x63, 0xc4, 0xa1, 0x16, 0x28, 0xf5, 0x5a, 0x4d, 0xf5, 0x23, 0xb3, 0xef,
    ];

    private static bool Word(string? hex, Span<byte> word32)
    {
        if (hex is null)
        {
            return false;
        }

        var span = hex.AsSpan();
        if (span.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            span = span[2..];
        }

        return Hex.TryDecode(span, word32);
    }
}
