using System.Numerics;
using Nethereum.Signer;
using Nethereum.Util;

namespace Meterchat.Ethereum.Development;

/// <summary>
/// The fixed facts of the local development chain. Every key here comes from a PUBLIC test mnemonic: anyone can
/// spend what these addresses hold, so they are for development only, never for real money.
/// </summary>
public static class DevEthereumChain
{
    /// <summary>ganache's accounts (Hardhat's and Foundry's too): account 0 deploys the dev tokens and pays the faucet.</summary>
    public const string NodeMnemonic = "test test test test test test test test test test test junk";

    /// <summary>The dev deposit addresses: the BIP39 test vector mnemonic, another set of public keys than ganache's accounts.</summary>
    public const string DepositMnemonic = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

    public const long ChainId = 1337;

    /// <summary>Each dev token's supply, held by the deployer: 1,000,000,000 tokens of 6 decimals.</summary>
    public static readonly BigInteger TokenSupply = BigInteger.Parse("1000000000000000", System.Globalization.CultureInfo.InvariantCulture);

    public static EthECKey Deployer { get; } = EthereumDepositKeys.PrivateKeyAt(NodeMnemonic, 0);

    public static EthereumAddress DeployerAddress { get; } = EthereumAddress.Parse(Deployer.GetPublicAddress());

    /// <summary>USDT at the deployer's nonce 0 and USDC at nonce 1, so their addresses are known before the node starts.</summary>
    public static IReadOnlyList<DevToken> Tokens { get; } =
    [
        new("USDT", "Tether USD (dev)", ContractAt(0)),
        new("USDC", "USD Coin (dev)", ContractAt(1)),
    ];

    public static string DepositAccountXpub { get; } = EthereumDepositKeys.AccountXpubFromMnemonic(DepositMnemonic);

    /// <summary>The address a contract created by the deployer's transaction with this nonce gets (CREATE: keccak(rlp(sender, nonce))).</summary>
    public static EthereumAddress ContractAt(int nonce) =>
        EthereumAddress.Parse(ContractUtils.CalculateContractAddress(DeployerAddress.Lower, new BigInteger(nonce)));
}
