namespace Meterchat.Cluster;

/// <summary>Section <c>Redis</c>: empty <see cref="Connection"/> = one node, no Redis, no leases (the embedded default).</summary>
public sealed class RedisConnectionOptions
{
    public const string Section = "Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c>.</summary>
    public string Connection { get; set; } = "";

    /// <summary>Prefix of every channel this app uses (SignalR's backplane and the nodes' event routing).</summary>
    public string ChannelPrefix { get; set; } = "meterchat";

    public bool Enabled => !string.IsNullOrWhiteSpace(Connection);
}
