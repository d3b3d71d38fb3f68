using System.Numerics;
using Meterchat.Ledger;

namespace Meterchat.Ethereum;

/// <summary>
/// One transfer into a deposit address: <see cref="Asset"/> is "ETH" or the token's symbol; <see cref="Amount"/> is
/// in the asset's base unit (wei for ETH, 6-decimal units for USDT and USDC).
/// </summary>
public sealed record EvmCredit(EvmCreditKey Key, string Asset, EthereumAddress? Contract, EthereumAddress From, EthereumAddress To, BigInteger Amount)
{
    public bool IsEther => Contract is null;

    /// <summary>A 6-decimal stablecoin's amount as micro-USDT, 1:1. ETH has no fixed rate: it needs a price.</summary>
    public Micros StablecoinMicros => IsEther
        ? throw new InvalidOperationException("ETH converts at a price, not 1:1.")
        : new Micros(checked((long)Amount));
}
