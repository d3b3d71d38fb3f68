namespace Meterchat.Reserves;

/// <summary>Stable problem types of the proof of reserves (RFC 7807 <c>type</c>).</summary>
public static class ReservesProblems
{
    /// <summary>A snapshot is being taken on this node; try again when it is published.</summary>
    public const string SnapshotRunning = "reserves/snapshot-running";

    /// <summary>No snapshot yet, or not the one asked for.</summary>
    public const string NoSnapshot = "reserves/no-snapshot";

    /// <summary>The signed-in user had no ledger account when the snapshot was taken.</summary>
    public const string NotInSnapshot = "reserves/not-in-snapshot";

    /// <summary>The chain could not be read (block, reserves); nothing was published.</summary>
    public const string ChainUnavailable = "reserves/chain-unavailable";
}
