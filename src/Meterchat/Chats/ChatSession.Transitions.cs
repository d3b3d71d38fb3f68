namespace Meterchat.Chats;

/// <summary>The transition rules: each handler checks first and changes state only when it applies.</summary>
public sealed partial class ChatSession
{
    private ApplyResult Decide(ChatEvent e) => e switch
    {
        ChatRequested => ApplyResult.Rejected("The session was already requested."),

        // Units may still settle after the end: a unit due at the last second is charged as it would have been.
        UnitCharged charged => Charge(charged),
        UnitRefused { Reason: Chats.EndReason.BillingFault } fault => Fault(fault),
        _ when IsOver => ApplyResult.Ignored($"The session is over ({State})."),
        ChatAccepted => Answer(e, ChatState.Accepted, null),
        ChatDeclined => Answer(e, ChatState.Declined, Chats.EndReason.Declined),
        RequestExpired => Answer(e, ChatState.Expired, Chats.EndReason.Expired),
        RequestCancelled => Answer(e, ChatState.Ended, Chats.EndReason.BuyerLeft),
        PartyConnected c => Observe(e, c.Party, p => p with { HubConnected = true, HeartbeatFresh = true }),
        // A dropped party's media must be proven again, by the relay too, after it rejoins.
        PartyDisconnected d => Observe(e, d.Party, p => p.WithoutMedia() with { HubConnected = false, RelayFlowing = false }),
        HeartbeatLost h => Observe(e, h.Party, p => p.WithoutMedia() with { HeartbeatFresh = false }, h.LastSeen),
        MediaReported m => Observe(e, m.Party, p => p with { HeartbeatFresh = true, PeerConnected = m.PeerConnected, ReceivingVideo = m.ReceivingVideo }),
        RelayTraffic r => Observe(e, r.Party, p => p with { RelayFlowing = r.Flowing }, r.Flowing ? null : r.LastSeen),
        ConnectTimedOut => TimeOutConnect(e),
        ReconnectGraceExpired => ExpireGrace(e),
        PartyLeft left => End(e, left.Party == Party.Buyer ? Chats.EndReason.BuyerLeft : Chats.EndReason.SellerLeft),
        UnitRefused refused => Refuse(refused),
        BuyerWarned warned => Warn(warned),
        PartyBanned => End(e, Chats.EndReason.Banned),
        BuyerBlocked => End(e, Chats.EndReason.Blocked),
        ServerRecovered => Recover(e),
        _ => ApplyResult.Rejected($"Unknown event {e.GetType().Name}."),
    };

    private ApplyResult Answer(ChatEvent e, ChatState next, EndReason? reason)
    {
        if (State != ChatState.Requested)
        {
            return ApplyResult.Rejected($"Only a pending request can be answered; the session is {State}.");
        }

        if (reason is { } r)
        {
            Finish(e.At, next, r);
        }
        else
        {
            State = next;
            _connectDeadline = e.At + _meter.Options.ConnectTimeout;
        }

        return ApplyResult.Applied(e);
    }

    /// <param name="liveUntil">When the evidence really stopped, if before the event (a relay stop is noticed late): the pause is backdated to it.</param>
    private ApplyResult Observe(ChatEvent e, Party party, Func<PartyEvidence, PartyEvidence> change, DateTimeOffset? liveUntil = null)
    {
        if (State == ChatState.Requested)
        {
            return ApplyResult.Rejected("No media before the seller accepts.");
        }

        var evidence = Evidence.With(party, change(Evidence[party]));
        if (evidence == Evidence)
        {
            return ApplyResult.Ignored("The evidence did not change.");
        }

        Evidence = evidence;
        if (State == ChatState.Accepted)
        {
            State = ChatState.Connecting;
        }

        var shouldBeLive = _media.ShouldBeLive(Evidence, State == ChatState.Live);
        if (State == ChatState.Live && !shouldBeLive)
        {
            Pause(liveUntil is { } until && until < e.At ? NotBeforeChargedUnits(until, e.At) : e.At, e.At);
        }
        else if (State is ChatState.Connecting or ChatState.Paused && shouldBeLive)
        {
            _timeline.GoLive(e.At);
            State = ChatState.Live;
        }

        return ApplyResult.Applied(e);
    }

    /// <summary>
    /// Charged units are final (the log is append-only), so a backdated pause stops no earlier than the moment
    /// the live time reached the last charged unit's due time.
    /// </summary>
    private DateTimeOffset NotBeforeChargedUnits(DateTimeOffset until, DateTimeOffset now)
    {
        if (UnitsCharged == 0)
        {
            return until;
        }

        var floor = now - (LiveTime(now) - _meter.DueAt(UnitsCharged));
        return floor <= until ? until : floor < now ? floor : now;
    }

    private ApplyResult TimeOutConnect(ChatEvent e)
    {
        if (State is ChatState.Live or ChatState.Paused)
        {
            return ApplyResult.Ignored("The media came up before the timeout.");
        }

        if (State is not (ChatState.Accepted or ChatState.Connecting))
        {
            return ApplyResult.Rejected($"There is no connect timeout while {State}.");
        }

        if (!_replaying && e.At < _connectDeadline)
        {
            return ApplyResult.Rejected($"The connect timeout runs until {_connectDeadline:O}.");
        }

        Finish(e.At, ChatState.Failed, Chats.EndReason.ConnectFailed);
        return ApplyResult.Applied(e);
    }

    private ApplyResult ExpireGrace(ChatEvent e)
    {
        if (State == ChatState.Live)
        {
            return ApplyResult.Ignored("The session resumed within the grace.");
        }

        if (State != ChatState.Paused)
        {
            return ApplyResult.Rejected($"There is no reconnect grace while {State}.");
        }

        if (!_replaying && e.At < _reconnectDeadline)
        {
            return ApplyResult.Rejected($"The reconnect grace runs until {_reconnectDeadline:O}.");
        }

        return End(e, Chats.EndReason.ConnectionLost);
    }

    private ApplyResult Charge(UnitCharged e)
    {
        if (e.Unit <= UnitsCharged)
        {
            return ApplyResult.Ignored($"Unit {e.Unit} is already charged.");
        }

        var problem =
            e.Unit != UnitsCharged + 1 ? $"Units are charged in order; the next is {UnitsCharged + 1}."
            : BillingStopped ? "Billing stopped at a unit that did not fit."
            : QualifiesForAutoRefund ? "The session is refunded; nothing more is charged."
            : UnitsDue(e.At) < e.Unit ? $"Unit {e.Unit} is not due yet."
            : SpendingLimitLeft < Terms.Split.Price ? $"Unit {e.Unit} would go over the spending limit."
            : null;
        if (problem is not null)
        {
            return ApplyResult.Rejected(problem);
        }

        UnitsCharged++;
        return ApplyResult.Applied(e);
    }

    private ApplyResult Refuse(UnitRefused e)
    {
        var problem =
            State is not (ChatState.Live or ChatState.Paused) ? $"Nothing is billed while {State}."
            : e.Reason is not (Chats.EndReason.BalanceExhausted or Chats.EndReason.SpendingLimitReached) ? $"A unit cannot be refused for {e.Reason}."
            : e.Unit != UnitsCharged + 1 ? $"Only the next unit ({UnitsCharged + 1}) can be refused."
            : UnitsDue(e.At) < e.Unit ? $"Unit {e.Unit} is not due yet."
            : null;
        return problem is null ? End(e, e.Reason) : ApplyResult.Rejected(problem);
    }

    /// <summary>
    /// The ledger kept refusing unit k for a fault of its own: billing stops at k. A running session ends
    /// (BillingFault); a session already over (its last units were settling) keeps its end reason.
    /// </summary>
    private ApplyResult Fault(UnitRefused e)
    {
        var problem =
            State is ChatState.Requested or ChatState.Accepted or ChatState.Connecting ? $"Nothing is billed while {State}."
            : BillingStopped ? "Billing already stopped."
            : e.Unit != UnitsCharged + 1 ? $"Only the next unit ({UnitsCharged + 1}) can be refused."
            : UnitsDue(e.At) < e.Unit ? $"Unit {e.Unit} is not due yet."
            : null;
        if (problem is not null)
        {
            return ApplyResult.Rejected(problem);
        }

        _billingFaulted = true;
        return IsOver ? ApplyResult.Applied(e) : End(e, Chats.EndReason.BillingFault);
    }

    private ApplyResult Warn(BuyerWarned e)
    {
        if (State is not (ChatState.Live or ChatState.Paused))
        {
            return ApplyResult.Rejected($"No funds warning while {State}.");
        }

        if (e.Reason is not (Chats.EndReason.BalanceExhausted or Chats.EndReason.SpendingLimitReached))
        {
            return ApplyResult.Rejected($"A warning is about the balance or the limit, not {e.Reason}.");
        }

        if (LastWarning is { } last && last.Reason == e.Reason && last.LastAffordableUnit == e.LastAffordableUnit)
        {
            return ApplyResult.Ignored("The buyer was already warned about this.");
        }

        LastWarning = e;
        return ApplyResult.Applied(e);
    }

    private ApplyResult Recover(ChatEvent e)
    {
        switch (State)
        {
            case ChatState.Requested:
                return ApplyResult.Ignored("A pending request needs no recovery.");
            case ChatState.Accepted or ChatState.Connecting:
                _connectDeadline = e.At + _meter.Options.ConnectTimeout;
                break;
            case ChatState.Live:
                // The last logged event is the last moment the server knew the meter was running.
                Pause(LastEventAt, e.At);
                break;
            default:
                _reconnectDeadline = e.At + _meter.Options.ReconnectGrace;
                break;
        }

        // Clients could not reach a dead server, so the grace and the connect timeout restart from now,
        // and everybody must rejoin and report again.
        Evidence = MediaEvidence.None;
        return ApplyResult.Applied(e);
    }

    private ApplyResult End(ChatEvent e, EndReason reason)
    {
        Finish(e.At, ChatState.Ended, reason);
        return ApplyResult.Applied(e);
    }

    private void Pause(DateTimeOffset liveUntil, DateTimeOffset graceFrom)
    {
        _timeline.Pause(liveUntil);
        State = ChatState.Paused;
        _reconnectDeadline = graceFrom + _meter.Options.ReconnectGrace;

        // Reports from before the break prove nothing about the link after it: both must report again to resume.
        Evidence = Evidence.WithoutMedia();
    }

    private void Finish(DateTimeOffset at, ChatState state, EndReason reason)
    {
        _timeline.Stop(at);
        State = state;
        EndReason = reason;
        EndedAt = at;
    }
}
