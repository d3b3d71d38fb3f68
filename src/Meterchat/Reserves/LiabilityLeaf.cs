namespace Meterchat.Reserves;

/// <summary>One user's line in the tree: their id, their own salt (32 bytes) and what the platform owes them, in µUSDT.</summary>
public sealed record LiabilityLeaf(string AccountId, byte[] Salt, long Balance);
