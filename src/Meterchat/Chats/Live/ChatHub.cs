using Meterchat.Chats.Store;
using Meterchat.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Meterchat.Chats.Live;

/// <summary>
/// Signaling and media evidence for one session per connection. Only the buyer or the seller may join; WebRTC
/// messages go to the other party only. Each client's report (every 2 s) is both evidence and heartbeat.
/// </summary>
[Authorize(AuthenticationSchemes = AuthSchemes)]
public sealed class ChatHub(IChatSessions store, LiveSessions sessions, TimeProvider time, IOptions<ChatOptions> options) : Hub<IChatClient>
{
    public const string Path = "/hubs/chat";
    public const string AuthSchemes = "Identity.Bearer,Identity.Application";

    private const string SessionKey = "session";
    private const string PartyKey = "party";
    private const string LastReportKey = "lastReport";

    public async Task<JoinResult> Join(Guid sessionId)
    {
        var row = await store.FindAsync(sessionId, Context.ConnectionAborted);
        var userId = Context.User?.FindUserId();
        Party? party = row is null || userId is null ? null : userId == row.BuyerId ? Party.Buyer : userId == row.SellerId ? Party.Seller : null;
        if (party is not { } p)
        {
            throw new HubException("This chat is not yours.");
        }

        if (Context.Items.ContainsKey(SessionKey))
        {
            throw new HubException("This connection already joined a chat.");
        }

        Context.Items[SessionKey] = sessionId;
        Context.Items[PartyKey] = p;
        await Groups.AddToGroupAsync(Context.ConnectionId, ChatNotifier.Group(sessionId, p));
        sessions.Joined(sessionId, p);
        var other = p == Party.Buyer ? Party.Seller : Party.Buyer;
        // The join and the party's view in one hold of the clock's gate (batched with other joins and reports waiting for it).
        var joined = await sessions.JoinAsync(sessionId, new PartyConnected(time.GetUtcNow(), p));
        await Clients.Group(ChatNotifier.Group(sessionId, other)).PeerJoined(p.ToString());
        var status = joined ?? await sessions.StatusAsync(sessionId, p) ?? await ClosedStatusAsync(sessionId, p);
        var otherHere = await sessions.PresentAsync(sessionId, other);
        var policy = options.Value.Evidence == Relay.EvidenceSource.Relay ? "relay" : "all";
        return new JoinResult(p.ToString(), TurnCredentials.For(options.Value, sessionId, p, time.GetUtcNow()), otherHere, status, policy);
    }

    /// <summary>The client's media report, every 2 s: peer connection connected, other side's video decoding.</summary>
    public async Task Report(bool peerConnected, bool receivingVideo)
    {
        var (sessionId, party) = Joined();
        var now = time.GetUtcNow();

        // Only repeats are throttled: a report that says something new (a drop, video back) always goes through.
        if (Context.Items.TryGetValue(LastReportKey, out var last) && last is (DateTimeOffset at, bool peer, bool video)
            && peer == peerConnected && video == receivingVideo
            && now - at < TimeSpan.FromMilliseconds(options.Value.MinReportIntervalMilliseconds))
        {
            return;
        }

        Context.Items[LastReportKey] = (now, peerConnected, receivingVideo);
        await sessions.ApplyAsync(sessionId, new MediaReported(now, party, peerConnected, receivingVideo));
    }

    /// <summary>Relays a WebRTC message (offer, answer, ice) to the other party only.</summary>
    public async Task Signal(string kind, string payload)
    {
        var (sessionId, party) = Joined();
        if (kind is not ("offer" or "answer" or "ice") || payload is null || payload.Length > 64 * 1024)
        {
            throw new HubException("Unknown or oversized signal.");
        }

        // An ended chat carries no more media: nothing is relayed into it (a handful of reads per call setup).
        if (await store.FindAsync(sessionId, Context.ConnectionAborted) is not { } row || row.State is ChatState.Ended or ChatState.Declined or ChatState.Expired or ChatState.Failed)
        {
            throw new HubException("This chat has ended.");
        }

        var other = party == Party.Buyer ? Party.Seller : Party.Buyer;
        await Clients.Group(ChatNotifier.Group(sessionId, other)).Signal(kind, payload);
    }

    /// <summary>The End button: a clean leave ends the session at once.</summary>
    public async Task Leave()
    {
        var (sessionId, party) = Joined();
        Context.Items["left"] = true;
        await sessions.ApplyAsync(sessionId, new PartyLeft(time.GetUtcNow(), party));
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.TryGetValue(SessionKey, out var s) && s is Guid sessionId && Context.Items[PartyKey] is Party party)
        {
            sessions.Gone(sessionId, party);
            if (!Context.Items.ContainsKey("left"))
            {
                await sessions.ApplyAsync(sessionId, new PartyDisconnected(time.GetUtcNow(), party));
            }
        }

        await base.OnDisconnectedAsync(exception);
    }

    private (Guid Session, Party Party) Joined() =>
        Context.Items.TryGetValue(SessionKey, out var s) && s is Guid id && Context.Items[PartyKey] is Party p
            ? (id, p)
            : throw new HubException("Join a chat first.");

    private async Task<ChatStatus> ClosedStatusAsync(Guid sessionId, Party party)
    {
        var session = await store.LoadAsync(sessionId) ?? throw new HubException("No such chat.");
        var row = (await store.FindAsync(sessionId))!;
        var live = new LiveSession(sessionId, row.BuyerId, row.SellerId, session, new HeartbeatWatch(TimeSpan.FromSeconds(1)));
        return ChatNotifier.StatusFor(live, party, time.GetUtcNow());
    }
}
