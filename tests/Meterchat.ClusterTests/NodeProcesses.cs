namespace Meterchat.ClusterTests;

/// <summary>
/// The tests that start app processes and judge a live chat on them run one after another: the load tool's modes
/// saturate both cores, and a two-node chat beside them can miss its hub keep-alive (a harness effect, not billing).
/// </summary>
[CollectionDefinition(Name)]
public sealed class NodeProcesses
{
    public const string Name = "node processes";
}
