namespace Meterchat.Sellers;

/// <summary>Someone reported someone; the admin queue lists these (moderation completes the handling).</summary>
public sealed class Report
{
    public long Id { get; set; }

    public required string ReporterId { get; set; }

    public required string SubjectId { get; set; }

    public required string Reason { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>Open until an admin dismisses it or acts on it (moderation's queue).</summary>
    public ReportStatus Status { get; set; }

    /// <summary>The admin who handled it, when, and their note.</summary>
    public string? HandledBy { get; set; }

    public DateTimeOffset? HandledAt { get; set; }

    public string? Note { get; set; }
}
