using Meterchat.Ledger;
using Meterchat.Observability;
using Microsoft.AspNetCore.SignalR;

namespace Meterchat.Chats.Live;

/// <summary>
/// Pushes a session's state to its parties: on every state change and every charged unit, never per second
/// (the browser animates the timer from the server's timestamps).
/// </summary>
public sealed class ChatNotifier(IHubContext<ChatHub, IChatClient> hub, MeterchatMetrics metrics)
{
    public static string Group(Guid sessionId, Party party) => $"chat:{sessionId}:{party}";

    public static ChatStatus StatusFor(LiveSession live, Party party, DateTimeOffset now)
    {
        var session = live.Session;
        var charged = session.Charged;
        Micros? balance = null;
        double? secondsLeft = null;
        string? warning = null;
        string? limitedBy = null;
        if (party == Party.Buyer && live.Wallet is { } wallet)
        {
            balance = wallet;
            var outlook = session.Meter.Outlook(session, now, wallet);
            if (outlook.LiveTimeLeft != TimeSpan.MaxValue)
            {
                secondsLeft = outlook.LiveTimeLeft.TotalSeconds;
                limitedBy = outlook.LimitedBy == EndReason.SpendingLimitReached ? "SpendingLimit" : "Balance";
                if (session.State == ChatState.Live && outlook.LiveTimeLeft <= session.Meter.Options.Warning)
                {
                    warning = outlook.LimitedBy == EndReason.SpendingLimitReached
                        ? "Less than a minute left before your spending limit for this chat."
                        : "Less than a minute left on your balance: top up to keep talking.";
                }
            }
        }

        // The other party's hub link or heartbeat is down: that is why the meter paused, and the grace is running.
        var other = session.Evidence[party == Party.Buyer ? Party.Seller : Party.Buyer];
        var peerDropped = session.State == ChatState.Paused && !(other.HubConnected && other.HeartbeatFresh);
        return new ChatStatus(
            live.Id,
            party.ToString(),
            session.State.ToString(),
            session.EndReason?.ToString(),
            now,
            session.LiveTime(now).TotalSeconds,
            session.State == ChatState.Live,
            session.UnitsCharged,
            charged.Value,
            charged.ToTokensString(),
            session.Pauses,
            balance?.Value,
            balance?.ToTokensString(),
            secondsLeft,
            warning,
            session.Terms.Rate.TokensPerMinute,
            party == Party.Seller ? session.Terms.Split.Times(session.UnitsCharged).Seller.ToTokensString() : null,
            limitedBy,
            peerDropped,
            session.ReconnectDeadline);
    }

    public async Task StatusAsync(LiveSession live, DateTimeOffset now)
    {
        await hub.Clients.Group(Group(live.Id, Party.Buyer)).Status(StatusFor(live, Party.Buyer, now));
        await hub.Clients.Group(Group(live.Id, Party.Seller)).Status(StatusFor(live, Party.Seller, now));
        metrics.PushSent("status", 2);
    }

    public Task EndedAsync(LiveSession live, DateTimeOffset now)
    {
        metrics.PushSent("ended");
        return hub.Clients.Groups(Group(live.Id, Party.Buyer), Group(live.Id, Party.Seller)).Ended(ReceiptView.Of(live.Id, Receipt.Of(live.Session, now)));
    }

    /// <summary>Tells the seller's chat page that a tip landed (Trust books the tip; the push is the chat's).</summary>
    public Task TippedAsync(TipNotice tip) => hub.Clients.Group(Group(tip.SessionId, Party.Seller)).Tipped(tip);
}
