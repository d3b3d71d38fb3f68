using Meterchat.Ethereum;

namespace Meterchat.Deposits.Ethereum;

/// <summary>A matched credit into a user's deposit address, in the block it was mined in.</summary>
public sealed record ObservedEthereumCredit(EvmCredit Credit, string UserId, long BlockNumber)
{
    public int LogIndex => Credit.Key.LogIndex is { } index ? checked((int)index) : EthereumDeposit.EtherLogIndex;
}
