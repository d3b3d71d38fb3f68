namespace Meterchat.Deposits.Ethereum.Sweeps;

/// <summary>After moving sweeps on: how many are still waiting for the chain.</summary>
public sealed record EthereumSweepAdvance(int Unfinished);
