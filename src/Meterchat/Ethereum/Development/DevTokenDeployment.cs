using System.Numerics;
using Nethereum.Web3;

namespace Meterchat.Ethereum.Development;

/// <summary>
/// Deploys the dev tokens that are not on the chain yet, from account 0 of the node mnemonic at nonces 0 and 1,
/// so the addresses in <see cref="DevEthereumChain.Tokens"/> (and so Ethereum:Tokens) hold on every machine.
/// </summary>
public static class DevTokenDeployment
{
    public static async Task EnsureAsync(EthereumNode node, CancellationToken ct)
    {
        var web3 = new Web3(node.Options.RpcUrl);
        var nonce = await node.PendingNonceAsync(DevEthereumChain.DeployerAddress, ct);
        for (var i = 0; i < DevEthereumChain.Tokens.Count; i++)
        {
            var token = DevEthereumChain.Tokens[i];
            var code = await web3.Eth.GetCode.SendRequestAsync(token.Contract.Lower).WaitAsync(ct);
            if (code is { Length: > 2 })
            {
                continue;
            }

            if (nonce != i)
            {
                throw new InvalidOperationException(
                    $"The deployer {DevEthereumChain.DeployerAddress} is at nonce {nonce}, so {token.Symbol} can no longer be deployed at {token.Contract}. "
                    + "Stop the app and delete the dev chain's folder (data/*.ganache) to start a fresh chain.");
            }

            var signed = await node.SignNextAsync(DevEthereumChain.Deployer, null, BigInteger.Zero,
                TestTokenContract.DeploymentData(token.Name, token.Symbol, DevEthereumChain.TokenSupply), null, ct);
            await node.BroadcastAsync(signed.Raw, ct);
            var receipt = await MinedAsync(node, signed.Hash, ct);
            if (receipt.Status?.Value != BigInteger.One || !EthereumAddress.Parse(receipt.ContractAddress).Equals(token.Contract))
            {
                throw new InvalidOperationException($"Deploying {token.Symbol} failed (transaction {signed.Hash}).");
            }

            nonce++;
        }
    }

    /// <summary>ganache mines as a transaction arrives; a few seconds allow for a busy machine.</summary>
    internal static async Task<Nethereum.RPC.Eth.DTOs.TransactionReceipt> MinedAsync(EthereumNode node, string hash, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await node.ReceiptAsync(hash, ct) is { } receipt)
            {
                return receipt;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
        }

        throw new TimeoutException($"{hash} was not mined within 10 s.");
    }
}
