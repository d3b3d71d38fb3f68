using System.Globalization;

namespace Meterchat.Ethereum;

/// <summary>
/// EIP-681 payment request URIs, what wallets scan from a QR code: <c>ethereum:&lt;address&gt;@&lt;chainId&gt;</c> for
/// ETH, and <c>ethereum:&lt;token&gt;@&lt;chainId&gt;/transfer?address=&lt;address&gt;</c> for an ERC-20 token (no
/// amount: the user chooses it in the wallet). Addresses are EIP-55 checksummed.
/// </summary>
public static class Eip681
{
    public static string Ether(EthereumAddress to, long chainId) =>
        string.Create(CultureInfo.InvariantCulture, $"ethereum:{to.Checksummed}@{chainId}");

    public static string TokenTransfer(EthereumAddress token, EthereumAddress to, long chainId) =>
        string.Create(CultureInfo.InvariantCulture, $"ethereum:{token.Checksummed}@{chainId}/transfer?address={to.Checksummed}");
}
