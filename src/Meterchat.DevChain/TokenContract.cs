using Meterchat.Tron.Encoding;

namespace Meterchat.DevChain;

/// <summary>A TRC20 token the dev chain runs natively: balances in base units, no allowances.</summary>
internal sealed class TokenContract(TronAddress address, string name, string symbol, int decimals)
{
    public TronAddress Address { get; } = address;

    public string Name { get; } = name;

    public string Symbol { get; } = symbol;

    public int Decimals { get; } = decimals;

    public Dictionary<TronAddress, long> Balances { get; } = [];

    public long BalanceOf(TronAddress holder) => Balances.GetValueOrDefault(holder);

    public long TotalSupply => Balances.Values.Sum();

    public void Move(TronAddress from, TronAddress to, long amount)
    {
        Balances[from] = checked(BalanceOf(from) - amount);
        Balances[to] = checked(BalanceOf(to) + amount);
    }
}
