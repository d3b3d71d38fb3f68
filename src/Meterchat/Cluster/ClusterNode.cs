namespace Meterchat.Cluster;

/// <summary>This process in the cluster: its id in the lease tables and whether it shares the work with other nodes.</summary>
public sealed class ClusterNode(string id, bool clustered)
{
    public string Id { get; } = id;

    /// <summary>True when Redis is configured: sessions and workers are driven under leases, events are routed to the owner.</summary>
    public bool Clustered { get; } = clustered;

    public static string NewId() => $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";
}
