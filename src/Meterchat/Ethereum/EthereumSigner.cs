using System.Numerics;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Model;
using Nethereum.Signer;
using Nethereum.Util;

namespace Meterchat.Ethereum;

/// <summary>Signs EIP-1559 (type 2) transactions offline with Nethereum: no node, no I/O.</summary>
public static class EthereumSigner
{
    public static SignedEthereumTransaction Sign(EthECKey key, long chainId, BigInteger nonce, EthereumFee fee, EthereumAddress? to, BigInteger value, byte[]? data)
    {
        var transaction = new Transaction1559(chainId, nonce, fee.MaxPriorityFeePerGas, fee.MaxFeePerGas, fee.GasLimit,
            to?.Lower, value, data is { Length: > 0 } ? data.ToHex(true) : "", null);
        var rawHex = new Transaction1559Signer().SignTransaction(key, transaction);
        var raw = rawHex.HexToByteArray();
        return new SignedEthereumTransaction(HashOf(raw), raw, EthereumAddress.Parse(key.GetPublicAddress()), nonce, fee);
    }

    /// <summary>A transaction's hash is Keccak-256 of its signed bytes (for type 2, including the 0x02 prefix).</summary>
    public static string HashOf(byte[] raw) => "0x" + Convert.ToHexStringLower(Sha3Keccack.Current.CalculateHash(raw));
}
