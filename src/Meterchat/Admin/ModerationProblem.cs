using Meterchat.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Meterchat.Admin;

/// <summary>A refused moderation action: RFC 7807 type, status, and the detail the page shows.</summary>
public sealed record ModerationProblem(int Status, string Type, string Title, string Detail)
{
    public const string ReasonRequired = "moderation/reason-required";
    public const string UnknownUser = "moderation/unknown-user";
    public const string SelfBan = "moderation/self-ban";
    public const string AlreadyBanned = "moderation/already-banned";
    public const string NotBanned = "moderation/not-banned";
    public const string UnknownReport = "moderation/unknown-report";
    public const string ReportHandled = "moderation/report-handled";
    public const string UnknownFlag = "moderation/unknown-flag";

    public ProblemHttpResult ToResult() => TypedResults.Problem(detail: Detail, statusCode: Status, title: Title, type: Type);

    /// <summary>The trimmed reason, or a problem when it is empty or too long.</summary>
    public static ModerationProblem? CheckReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > AdminAuditLog.MaxReason
            ? new(400, ReasonRequired, "Reason required", $"Say why, in 1 to {AdminAuditLog.MaxReason} characters; it goes to the audit log.")
            : null;
}
