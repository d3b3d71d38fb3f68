using System.Numerics;
using Meterchat.Deposits.Ethereum;
using Meterchat.Ethereum;
using Meterchat.Ethereum.Prices;

namespace Meterchat.Reserves.Ethereum;

/// <summary>
/// What the platform holds on Ethereum: ETH and each accepted token on the hot wallet and on the deposit addresses
/// not yet swept (every address that ever received a deposit, asked a few at a time). Stablecoins count 1:1 as
/// µUSDT; ETH is valued at the current price and kept apart, never added to the USDT total.
/// </summary>
public sealed class EthereumHoldings(EthereumNode node, EthereumHotWallet wallet, EthereumDepositAddresses addresses, IPriceSource prices, ILogger<EthereumHoldings> logger)
{
    private const int Concurrency = 4;

    /// <summary>What the treasury, the audit and a snapshot say when the node cannot be read.</summary>
    public const string NodeUnreachable = "The Ethereum node could not be reached; Ethereum balances are unknown right now.";

    public async Task<EthereumHoldingsView> ReadAsync(CancellationToken ct)
    {
        if (!node.Options.Enabled)
        {
            return EthereumHoldingsView.Off;
        }

        var tokens = node.Options.Tokens.Select(t => (t.Symbol, Contract: EthereumAddress.Parse(t.Contract))).ToList();
        var hotWallet = wallet.Address;
        EthereumBalances? hot, unswept;
        try
        {
            hot = hotWallet is null ? null : await BalancesAsync([hotWallet], tokens, ct);
            unswept = await BalancesAsync([.. (await addresses.WithDepositsAsync(ct)).Select(EthereumAddress.Parse)], tokens, ct);
        }
        catch (Exception e) when (EthereumNode.IsUnavailable(e))
        {
            // The type only: a provider's URL (which may carry an API key) can be in the message.
            logger.LogWarning("Ethereum holdings: the node could not be read ({Error})", e.GetType().Name);
            return EthereumHoldingsView.Unreachable(hotWallet?.Checksummed, NodeUnreachable);
        }

        EtherPrice? price = null;
        try
        {
            price = await prices.EtherPriceAsync(ct);
        }
        catch (PriceUnavailableException e)
        {
            logger.LogWarning("Ethereum holdings: no ETH price ({Reason}); ETH is shown unvalued", e.Message);
        }

        return new EthereumHoldingsView(true, hotWallet?.Checksummed, hot, unswept, price);
    }

    private static async Task<EthereumBalances> BalancesAsync(IReadOnlyList<EthereumAddress> holders, IReadOnlyList<(string Symbol, EthereumAddress Contract)> tokens, EthereumNode node, CancellationToken ct)
    {
        var ether = BigInteger.Zero;
        var units = tokens.ToDictionary(t => t.Symbol, _ => BigInteger.Zero, StringComparer.Ordinal);
        var gate = new object();
        await Parallel.ForEachAsync(holders, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = ct }, async (holder, token) =>
        {
            var wei = await node.EtherBalanceAsync(holder, token);
            var balances = new List<(string, BigInteger)>();
            foreach (var (symbol, contract) in tokens)
            {
                balances.Add((symbol, await node.TokenBalanceAsync(contract, holder, token)));
            }

            lock (gate)
            {
                ether += wei;
                foreach (var (symbol, balance) in balances)
                {
                    units[symbol] += balance;
                }
            }
        });
        return new EthereumBalances(ether, units);
    }

    private Task<EthereumBalances> BalancesAsync(IReadOnlyList<EthereumAddress> holders, IReadOnlyList<(string Symbol, EthereumAddress Contract)> tokens, CancellationToken ct) =>
        BalancesAsync(holders, tokens, node, ct);
}
