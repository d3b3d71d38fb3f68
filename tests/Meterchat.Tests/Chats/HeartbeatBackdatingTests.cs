using Meterchat.Chats;

namespace Meterchat.Tests.Chats;

/// <summary>A drop noticed only by missing heartbeats pauses the meter as of the party's last report.</summary>
public class HeartbeatBackdatingTests
{
    [Fact]
    public void A_heartbeat_loss_pauses_as_of_the_last_report_and_bills_no_dead_time()
    {
        var s = Scenario.Live().Wait(1); // live since 0 s, nothing due before 3 s
        var lastReport = s.Now;

        s.Wait(6).Must(new HeartbeatLost(s.Now, Party.Buyer, lastReport));

        Assert.Equal(ChatState.Paused, s.Session.State);
        Assert.Equal(TimeSpan.FromSeconds(1), s.Session.LiveTime(s.Now));
        Assert.Equal(0, s.Session.UnitsDue(s.Now));
    }

    [Fact]
    public void A_backdated_pause_never_goes_past_a_charged_unit()
    {
        var s = Scenario.Live().Run(2);
        var lastReport = s.Now; // 2 s
        s.Run(6); // unit 1 charged at 3 s, unit 2 not due until 9 s

        s.Must(new HeartbeatLost(s.Now, Party.Seller, lastReport));

        Assert.Equal(1, s.Session.UnitsCharged);
        Assert.Equal(TimeSpan.FromSeconds(3), s.Session.LiveTime(s.Now));
    }

    [Fact]
    public void A_session_that_really_failed_at_25_seconds_keeps_its_refund()
    {
        var s = Scenario.Live().Run(25);
        var lastReport = s.Now;
        s.Run(6); // silent; unit 5 (due at 27 s) was charged meanwhile

        s.Must(new HeartbeatLost(s.Now, Party.Buyer, lastReport)).Run(60).Must(new ReconnectGraceExpired(s.Now));

        Assert.Equal(EndReason.ConnectionLost, s.Session.EndReason);
        Assert.Equal(TimeSpan.FromSeconds(27), s.Session.LiveTime(s.Now));
        Assert.True(s.Session.RequiresAutoRefund);
    }

    [Fact]
    public void The_watch_reports_each_lost_party_with_its_last_beat()
    {
        var watch = new HeartbeatWatch(TimeSpan.FromSeconds(6));
        watch.Beat(Party.Buyer, Scenario.Start);

        var lost = Assert.Single(watch.TakeLost(Scenario.Start.AddSeconds(7)));

        Assert.Equal(new HeartbeatLost(Scenario.Start.AddSeconds(7), Party.Buyer, Scenario.Start), lost);
    }
}
