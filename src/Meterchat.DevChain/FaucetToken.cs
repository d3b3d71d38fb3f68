namespace Meterchat.DevChain;

/// <summary>What the faucet sends: TRX (sun), the dev chain's USDT, or its look-alike fake USDT (base units).</summary>
public enum FaucetToken
{
    Trx,
    Usdt,
    FakeUsdt,
}
