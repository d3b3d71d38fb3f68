using Meterchat.Tron.Crypto;
using Meterchat.Tron.Encoding;

namespace Meterchat.DevChain;

/// <summary>
/// The dev chain's contract addresses. They are derived from fixed phrases, so every dev chain, on
/// every machine and after every restart, has the same ones: tools can name them without asking.
/// </summary>
public static class DevChainContracts
{
    /// <summary>The dev chain's USDT (TRC20, symbol USDT, 6 decimals).</summary>
    public static TronAddress Usdt { get; } = Derive("meterchat devchain USDT");

    /// <summary>A look-alike: same name, symbol and decimals, another address. The log's address tells them apart.</summary>
    public static TronAddress FakeUsdt { get; } = Derive("meterchat devchain fake USDT");

    /// <summary>The router (<see cref="DevChainRouter"/>).</summary>
    public static TronAddress Router { get; } = Derive("meterchat devchain router");

    private static TronAddress Derive(string phrase) => TronAddress.FromLast20(Keccak256.Hash(phrase).AsSpan(12));
}
