namespace Meterchat.Cluster;

/// <summary>Which node runs a singleton worker (the deposit watcher, the payout sender), until when.</summary>
public sealed class WorkerLease
{
    public required string Name { get; set; }

    public required string NodeId { get; set; }

    /// <summary>Unix milliseconds.</summary>
    public long ExpiresAt { get; set; }

    public long Token { get; set; }
}
