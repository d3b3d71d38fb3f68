namespace Meterchat.Withdrawals;

/// <summary>The chain a withdrawal pays out on; stored as its number, so never renumber. TRON is the default (0).</summary>
public enum PayoutNetwork
{
    Tron = 0,
    Ethereum = 1,
}
