using Meterchat.Web;

namespace Meterchat.Deposits.Ethereum.Sweeps;

/// <summary>Stable problem types of the Ethereum sweep endpoints (RFC 7807 <c>type</c>).</summary>
public static class EthereumSweepProblems
{
    public const string BadAddress = "ethereum-sweep/bad-address";
    public const string NotADepositAddress = "ethereum-sweep/not-a-deposit-address";
    public const string NothingToSweep = "ethereum-sweep/nothing-to-sweep";
    public const string InProgress = "ethereum-sweep/in-progress";
    public const string NoKey = "ethereum-sweep/no-key";
    public const string Off = "ethereum-sweep/ethereum-off";
    public const string NodeUnavailable = "ethereum-sweep/node-unavailable";

    public static Problem Of(string type, int status, string title, string detail) => new(status, type, title, detail);
}
