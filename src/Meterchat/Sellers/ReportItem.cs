namespace Meterchat.Sellers;

public sealed record ReportItem(long Id, string ReporterId, string SubjectId, string Reason, DateTimeOffset At);
