using System.Numerics;
using Meterchat.Tron.Encoding;

namespace Meterchat.DevChain;

/// <summary>
/// The dev chain's router contract: <c>route(address token, address to, uint256 amount)</c> moves the
/// caller's tokens to <c>to</c>, so the token's own Transfer log lands inside a transaction whose
/// contract is the router (as with a DEX or a payment contract on mainnet). It then emits its own
/// <c>Routed(address indexed token, address indexed to, uint256 amount)</c> log.
/// </summary>
public static class DevChainRouter
{
    public const string RouteSignature = "route(address,address,uint256)";

    public const string RoutedEventSignature = "Routed(address,address,uint256)";

    public static string RouteSelectorHex { get; } = Abi.Selector(RouteSignature);

    public static string RoutedTopic0Hex { get; } = Abi.Topic(RoutedEventSignature);

    /// <summary>Call data for route(token, to, amount).</summary>
    public static byte[] EncodeRoute(TronAddress token, TronAddress to, BigInteger amount) =>
        Hex.Parse(RouteSelectorHex + Abi.Word(token) + Abi.Word(to) + Abi.Word(amount));
}
