using System.Numerics;
using Meterchat.Tron.Encoding;

namespace Meterchat.Tron.Transactions;

/// <summary>ABI call data for the TRC20 (ERC20) functions the platform uses.</summary>
public static class Trc20
{
    /// <summary>keccak256("transfer(address,uint256)")[0..4].</summary>
    public const string TransferSelectorHex = "a9059cbb";

    /// <summary>keccak256("balanceOf(address)")[0..4].</summary>
    public const string BalanceOfSelectorHex = "70a08231";

    /// <summary>keccak256("decimals()")[0..4].</summary>
    public const string DecimalsSelectorHex = "313ce567";

    public const int TransferCallLength = 4 + 32 + 32;

    /// <summary>USDT on TRON mainnet, TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t (6 decimals). Testnets use other contracts: configure them.</summary>
    public static readonly TronAddress MainnetUsdt = TronAddress.FromHex("41a614f803b6fd780986a42c78ec9c7f77e6ded13c");

    public const int UsdtDecimals = 6;

    private static readonly BigInteger MaxUint256 = (BigInteger.One << 256) - 1;

    /// <summary>transfer(to, amount): selector ‖ 12 zero bytes ‖ 20 address bytes (no 0x41) ‖ 32-byte big-endian amount.</summary>
    public static byte[] EncodeTransfer(TronAddress to, BigInteger amount)
    {
        var data = new byte[TransferCallLength];
        Hex.Parse(TransferSelectorHex).CopyTo(data, 0);
        to.WriteLast20(data.AsSpan(4 + 12, 20));
        WriteUint256(amount, data.AsSpan(36, 32));
        return data;
    }

    public static byte[] EncodeTransfer(TronAddress to, ulong amount) => EncodeTransfer(to, new BigInteger(amount));

    /// <summary>
    /// Reads transfer(to, amount) call data. The recipient is the low 20 bytes of its word: some
    /// wallets write 0x41 into the high bytes, and the contract itself ignores them.
    /// </summary>
    public static (TronAddress To, BigInteger Amount) DecodeTransfer(ReadOnlySpan<byte> data)
    {
        if (data.Length < 4 || Hex.ToHex(data[..4]) != TransferSelectorHex)
        {
            var selector = data.Length >= 4 ? Hex.ToHex(data[..4]) : Hex.ToHex(data);
            throw new FormatException($"Not a TRC20 transfer call: selector is '{selector}', expected {TransferSelectorHex}.");
        }

        if (data.Length != TransferCallLength)
        {
            throw new FormatException($"A TRC20 transfer call is {TransferCallLength} bytes, this one is {data.Length}.");
        }

        var to = TronAddress.FromLast20(data.Slice(4 + 12, 20));
        var amount = new BigInteger(data.Slice(36, 32), isUnsigned: true, isBigEndian: true);
        return (to, amount);
    }

    public static bool IsTransfer(ReadOnlySpan<byte> data) =>
        data.Length == TransferCallLength && Hex.ToHex(data[..4]) == TransferSelectorHex;

    /// <summary>balanceOf(owner) call data, for a constant (read-only) call.</summary>
    public static byte[] BalanceOfCall(TronAddress owner)
    {
        var data = new byte[4 + 32];
        Hex.Parse(BalanceOfSelectorHex).CopyTo(data, 0);
        owner.WriteLast20(data.AsSpan(4 + 12, 20));
        return data;
    }

    /// <summary>decimals() call data; the answer must be 6 for a USDT contract.</summary>
    public static byte[] DecimalsCall() => Hex.Parse(DecimalsSelectorHex);

    /// <summary>A 32-byte big-endian unsigned word (a constant call's result, a log's data).</summary>
    public static BigInteger DecodeUint256(ReadOnlySpan<byte> word32)
    {
        if (word32.Length != 32)
        {
            throw new FormatException($"An ABI uint256 is 32 bytes, got {word32.Length}.");
        }

        return new BigInteger(word32, isUnsigned: true, isBigEndian: true);
    }

    internal static void WriteUint256(BigInteger value, Span<byte> destination32)
    {
        if (value.Sign < 0 || value > MaxUint256)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A uint256 amount is between 0 and 2^256 - 1.");
        }

        destination32.Clear();
        var length = value.GetByteCount(isUnsigned: true);
        value.TryWriteBytes(destination32[(32 - length)..], out _, isUnsigned: true, isBigEndian: true);
    }
}
