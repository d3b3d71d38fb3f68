using System.Numerics;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;

namespace Meterchat.Ethereum;

/// <summary>
/// The development and test ERC-20 (Contracts/TestToken.sol, 6 decimals, owner can mint and block addresses):
/// its compiled bytecode and ABI are embedded, so deploying one needs no compiler.
/// </summary>
public static class TestTokenContract
{
    public static readonly string Abi = Resource("TestToken.abi.json");
    public static readonly string Bytecode = Resource("TestToken.bin").Trim();

    /// <summary>The creation data: the bytecode followed by the ABI-encoded constructor arguments.</summary>
    public static byte[] DeploymentData(string name, string symbol, BigInteger supply) =>
        new DeployContract(null).GetData(Bytecode, Abi, name, symbol, supply).HexToByteArray();

    /// <summary>Call data of <c>setBlocked(account, true|false)</c> (owner only): transfers to or from it revert.</summary>
    public static byte[] SetBlockedData(EthereumAddress account, bool blocked) =>
        new Nethereum.Contracts.Contract(null, Abi, null).GetFunction("setBlocked").GetData(account.Lower, blocked).HexToByteArray();

    private static string Resource(string name)
    {
        using var stream = typeof(TestTokenContract).Assembly.GetManifestResourceStream("Meterchat.Ethereum.Contracts." + name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
