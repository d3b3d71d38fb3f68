using System.ComponentModel.DataAnnotations;

namespace Meterchat.Chats.Retention;

/// <summary>How long a session's event log is kept after it ended (PRODUCT.md §5). Section "Retention".</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>How long after a session ended its event log is kept; then it is purged (the receipt and the ledger stay).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan ChatLogRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Sessions purged per database transaction.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>How often the purge runs.</summary>
    [Range(1, 7 * 24 * 60)]
    public int IntervalMinutes { get; set; } = 60;

    /// <summary>Whether the purge runs on its own; tests turn it off and call <see cref="ChatLogPurge.PurgeOnceAsync"/>.</summary>
    public bool Enabled { get; set; } = true;
}
