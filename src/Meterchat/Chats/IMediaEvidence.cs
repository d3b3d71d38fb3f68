namespace Meterchat.Chats;

/// <summary>
/// Decides from the evidence whether the meter runs. The embedded default trusts the clients' reports
/// (<see cref="ClientReportedEvidence"/>); a production source can trust the TURN relay's traffic reports
/// instead, which a modified client cannot fake (see docs/billing.md).
/// </summary>
public interface IMediaEvidence
{
    /// <summary>
    /// Whether the meter should run given the evidence. <paramref name="isLive"/> is whether it runs now,
    /// so a source can start on stronger evidence than it needs to keep running.
    /// </summary>
    bool ShouldBeLive(MediaEvidence evidence, bool isLive);
}
