using Meterchat.Chats;
using Meterchat.Ledger;

namespace Meterchat.Tests.Chats;

/// <summary>Every meter number that affects the bill is frozen into the session's terms when it is requested.</summary>
public class FrozenTermsTests
{
    [Fact]
    public void The_request_stores_every_number_that_affects_the_bill()
    {
        var options = new MeterOptions { AutoRefundLiveSeconds = 20, ReconnectGraceSeconds = 90, HeartbeatTimeoutSeconds = 8, ConnectTimeoutSeconds = 45 };
        var s = Scenario.Requested(options: options);

        var stored = ((ChatRequested)s.Session.Events[0]).Terms;

        Assert.True(stored.IsFrozen);
        Assert.Equal((6, 20, 90, 8, 45), (stored.UnitSeconds, stored.AutoRefundLiveSeconds, stored.ReconnectGraceSeconds, stored.HeartbeatTimeoutSeconds, stored.ConnectTimeoutSeconds));
        Assert.Equal(stored, s.Session.Terms);
    }

    [Fact]
    public void A_longer_refund_window_set_later_shows_no_refund_on_an_old_session()
    {
        // Lost at 40 s of live time under a 30 s window: no refund was paid.
        var s = Scenario.Live().Run(40);
        s.Must(new PartyDisconnected(s.Now, Party.Buyer)).Run(60).Must(new ReconnectGraceExpired(s.Now));
        Assert.False(s.Session.RequiresAutoRefund);

        var today = new Meter(new MeterOptions { AutoRefundLiveSeconds = 60 });
        var replayed = ChatSession.Replay(s.Session.Events, today, s.Media);
        var receipt = Receipt.FromLog(s.Session.Events, today, s.Media, s.Now);

        Assert.False(replayed.RequiresAutoRefund);
        Assert.Equal(Micros.Zero, receipt.Refund);
        Assert.Equal(30, replayed.Meter.Options.AutoRefundLiveSeconds);
    }

    [Fact]
    public void A_running_session_keeps_its_grace_and_heartbeat_timeout_when_replayed_under_new_settings()
    {
        var s = Scenario.Live().Run(10);

        var replayed = ChatSession.Replay(s.Session.Events, new Meter(new MeterOptions { ReconnectGraceSeconds = 300, HeartbeatTimeoutSeconds = 30 }), s.Media);
        replayed.Apply(new ServerRecovered(s.Now));

        Assert.Equal(s.Now.AddSeconds(60), replayed.ReconnectDeadline);
        Assert.Equal(TimeSpan.FromSeconds(6), replayed.Meter.Options.HeartbeatTimeout);
    }

    [Fact]
    public void An_old_log_without_the_frozen_numbers_replays_with_the_numbers_in_force_before()
    {
        // Written before the meter's numbers were stored: the terms hold the rate and commission only.
        var t = Scenario.Start;
        ChatEvent[] log =
        [
            new ChatRequested(t, new ChatTerms(new TokenRate(20), 2500)),
            new ChatAccepted(t),
            new PartyConnected(t, Party.Buyer),
            new PartyConnected(t, Party.Seller),
            new MediaReported(t, Party.Buyer, true, true),
            new MediaReported(t, Party.Seller, true, true),
            new UnitCharged(t.AddSeconds(3), 1),
            new PartyDisconnected(t.AddSeconds(40), Party.Buyer),
            new ReconnectGraceExpired(t.AddSeconds(100)),
        ];

        var replayed = ChatSession.Replay(log, new Meter(new MeterOptions { AutoRefundLiveSeconds = 60, ReconnectGraceSeconds = 120 }), new ClientReportedEvidence());

        Assert.Equal(EndReason.ConnectionLost, replayed.EndReason);
        Assert.False(replayed.RequiresAutoRefund);
        Assert.Equal(ChatTerms.BeforeFrozenMeter.AutoRefundLiveSeconds, replayed.Meter.Options.AutoRefundLiveSeconds);
        Assert.Equal(ChatTerms.BeforeFrozenMeter.ReconnectGraceSeconds, replayed.Meter.Options.ReconnectGraceSeconds);
    }
}
