using System.Numerics;
using Meterchat.Ethereum;

namespace Meterchat.Deposits.Ethereum.Sweeps;

/// <summary>What to sweep from one deposit address: a token's whole balance, after a top-up of <see cref="TopUpWei"/> (0: none) for its gas.</summary>
public sealed record SweepPlan(string Asset, EthereumAddress Contract, BigInteger Units, BigInteger TopUpWei, EthereumFee Fee);
