using System.ComponentModel.DataAnnotations;

namespace Meterchat.Hosting.Health;

/// <summary>When each dependency of <c>/health/ready</c> turns degraded or unhealthy (section <c>Health</c>).</summary>
public sealed class HealthThresholds
{
    public const string Section = "Health";

    /// <summary>Age of the TRON node's head block: above this the node is degraded (blocks come every 3 s).</summary>
    [Range(1, 86_400)]
    public int NodeHeadDegradedSeconds { get; set; } = 30;

    [Range(1, 86_400)]
    public int NodeHeadUnhealthySeconds { get; set; } = 120;

    /// <summary>Blocks the deposit watcher's cursor is behind the solidified head.</summary>
    [Range(1, 1_000_000)]
    public int WatcherDegradedBlocks { get; set; } = 20;

    [Range(1, 1_000_000)]
    public int WatcherUnhealthyBlocks { get; set; } = 200;

    /// <summary>Time since the meter clock's last tick (it ticks every few hundred ms).</summary>
    [Range(1, 3600)]
    public int ClockDegradedSeconds { get; set; } = 5;

    [Range(1, 3600)]
    public int ClockUnhealthySeconds { get; set; } = 30;

    /// <summary>Redis round trip (PING) above which Redis is degraded; no answer is unhealthy.</summary>
    [Range(1, 60_000)]
    public int RedisDegradedMilliseconds { get; set; } = 250;

    /// <summary>TCP connect to the first TURN URL: slower is degraded, no connection within the unhealthy time is unhealthy.</summary>
    [Range(1, 60_000)]
    public int CoturnDegradedMilliseconds { get; set; } = 500;

    [Range(1, 60_000)]
    public int CoturnUnhealthyMilliseconds { get; set; } = 3000;
}
