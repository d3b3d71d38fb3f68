using System.Globalization;
using System.Numerics;
using Meterchat.Tron.Encoding;

namespace Meterchat.Tron.Node;

/// <summary>TRC20 reads over <see cref="ITronNode.TriggerConstantContractAsync"/>.</summary>
public static class Trc20Queries
{
    /// <summary>The caller a read-only call names when none matters: the all-zero address.</summary>
    public static TronAddress AnyCaller => default;

    /// <summary><c>balanceOf(address)</c> in the token's base units (µUSDT for USDT).</summary>
    public static async Task<BigInteger> GetTrc20BalanceAsync(this ITronNode node, TronAddress contract, TronAddress holder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(node);
        var result = await node.TriggerConstantContractAsync(holder, contract, "balanceOf(address)", AddressWord(holder), cancellationToken);
        return Word(result, contract, "balanceOf");
    }

    /// <summary><c>decimals()</c>: 6 for USDT.</summary>
    public static async Task<int> GetTrc20DecimalsAsync(this ITronNode node, TronAddress contract, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(node);
        var result = await node.TriggerConstantContractAsync(AnyCaller, contract, "decimals()", string.Empty, cancellationToken);
        var value = Word(result, contract, "decimals");
        return value <= 255 ? (int)value : throw new TronNodeException($"decimals() of {contract} returned {value}, not a uint8.");
    }

    /// <summary>An address as one ABI word: 12 zero bytes, then its 20 bytes (no 41).</summary>
    public static string AddressWord(TronAddress address) => new string('0', 24) + Hex.ToHex(address.Last20);

    private static BigInteger Word(ConstantCallResult result, TronAddress contract, string function)
    {
        if (!result.Success)
        {
            throw new TronNodeException($"{function}() on {contract} failed: {result.Code} {result.Message}".TrimEnd());
        }

        var hex = result.ConstantResult.Count > 0 ? result.ConstantResult[0] : string.Empty;
        if (hex.Length < 64)
        {
            throw new TronNodeException($"{function}() on {contract} returned '{hex}', not a 32-byte word: is it a TRC20 contract?");
        }

        return BigInteger.Parse("0" + hex[..64], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }
}
