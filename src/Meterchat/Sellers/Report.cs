namespace Meterchat.Sellers;

/// <summary>Someone reported someone; the admin queue lists these (moderation completes the handling).</summary>
public sealed class Report
{
    public long Id { get; set; }

    public required string ReporterId { get; set; }

    public required string SubjectId { get; set; }

    public required string Reason { get; set; }

    public DateTimeOffset At { get; set; }
}
