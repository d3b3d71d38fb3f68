namespace Meterchat.ClusterTests;

/// <summary>
/// What the cluster tests need from the test command: PostgreSQL (MC_TEST_DB=postgres, MC_TEST_POSTGRES) and Redis
/// (MC_TEST_REDIS). Missing ones fail the test, never skip it.
/// </summary>
public static class ClusterEnvironment
{
    public static string Redis =>
        string.Equals(Environment.GetEnvironmentVariable("MC_TEST_DB"), "postgres", StringComparison.OrdinalIgnoreCase)
            ? Environment.GetEnvironmentVariable("MC_TEST_REDIS") is { Length: > 0 } redis
                ? redis
                : throw new InvalidOperationException("The cluster tests need MC_TEST_REDIS (./test.sh starts a Redis and sets it).")
            : throw new InvalidOperationException("The cluster tests run on PostgreSQL: set MC_TEST_DB=postgres and MC_TEST_POSTGRES (./test.sh does).");

    /// <summary>A node's settings: shared Redis under a channel prefix of this test's own, short leases (long enough for a loaded machine).</summary>
    public static Dictionary<string, string> Node(string nodeId, string prefix) => new()
    {
        ["Redis__Connection"] = Redis,
        ["Redis__ChannelPrefix"] = prefix,
        ["Cluster__NodeId"] = nodeId,
        ["Cluster__LeaseSeconds"] = "8",
        ["Cluster__RenewSeconds"] = "2",
        ["Logging__LogLevel__Meterchat"] = "Information",
    };
}
