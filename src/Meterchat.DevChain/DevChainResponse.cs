namespace Meterchat.DevChain;

/// <summary>An HTTP answer of the dev chain: status and JSON body.</summary>
internal readonly record struct DevChainResponse(int Status, string Json);
