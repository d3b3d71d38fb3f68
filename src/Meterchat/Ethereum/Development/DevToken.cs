namespace Meterchat.Ethereum.Development;

/// <summary>A dev token: TestTokenContract deployed under this name and symbol at a known address.</summary>
public sealed record DevToken(string Symbol, string Name, EthereumAddress Contract);
