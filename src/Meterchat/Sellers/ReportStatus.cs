namespace Meterchat.Sellers;

/// <summary>Where a report stands in the moderation queue; stored as its number, so never renumber.</summary>
public enum ReportStatus
{
    Open = 0,
    Dismissed = 1,
    Actioned = 2,
}
