namespace Meterchat.Deposits.Ethereum.Sweeps;

/// <summary>Sweep this deposit address (0x…); its key is derived from the configured deposit mnemonic, never sent.</summary>
public sealed record EthereumSweepRequest(string? Address);
