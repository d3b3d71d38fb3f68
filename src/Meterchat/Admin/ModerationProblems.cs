using Meterchat.Audit;
using Meterchat.Web;

namespace Meterchat.Admin;

/// <summary>The stable problem types of refused moderation actions (RFC 7807 <c>type</c>); the page shows the detail.</summary>
public static class ModerationProblems
{
    public const string ReasonRequired = "moderation/reason-required";
    public const string UnknownUser = "moderation/unknown-user";
    public const string SelfBan = "moderation/self-ban";
    public const string AlreadyBanned = "moderation/already-banned";
    public const string NotBanned = "moderation/not-banned";
    public const string UnknownReport = "moderation/unknown-report";
    public const string ReportHandled = "moderation/report-handled";
    public const string UnknownFlag = "moderation/unknown-flag";

    /// <summary>The trimmed reason, or a problem when it is empty or too long.</summary>
    public static Problem? CheckReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > AdminAuditLog.MaxReason
            ? new(400, ReasonRequired, "Reason required", $"Say why, in 1 to {AdminAuditLog.MaxReason} characters; it goes to the audit log.")
            : null;
}
