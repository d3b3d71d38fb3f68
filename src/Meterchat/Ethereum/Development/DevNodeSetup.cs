namespace Meterchat.Ethereum.Development;

/// <summary>How this app runs its development node: the tools, Node.js, the loopback port and the chain's folder.</summary>
public sealed record DevNodeSetup(GanacheTools Tools, string Node, int Port, string Database)
{
    public string RpcUrl => $"http://127.0.0.1:{Port}";
}
