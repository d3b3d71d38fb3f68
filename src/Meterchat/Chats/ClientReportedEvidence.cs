namespace Meterchat.Chats;

/// <summary>
/// The embedded default: billing starts (or resumes) only when both parties are connected and both report
/// receiving the other's video (both cameras on). Once live, only a drop pauses it; a camera switched off
/// does not, so toggling a camera is no way to stop the meter while still talking.
/// </summary>
public sealed class ClientReportedEvidence : IMediaEvidence
{
    public bool ShouldBeLive(MediaEvidence evidence, bool isLive)
    {
        var bothConnected = evidence.Buyer.Connected && evidence.Seller.Connected;
        return isLive
            ? bothConnected
            : bothConnected && evidence.Buyer.ReceivingVideo && evidence.Seller.ReceivingVideo;
    }
}
