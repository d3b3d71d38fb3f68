using Meterchat.Chats;

namespace Meterchat.Tests.Chats;

public class RefundTests
{
    [Fact]
    public void Connection_lost_within_the_first_thirty_seconds_is_refunded_in_full()
    {
        var s = Scenario.Live().Run(20);
        s.Must(new PartyDisconnected(s.Now, Party.Seller)).Run(60).Must(new ReconnectGraceExpired(s.Now));

        var receipt = Receipt.Of(s.Session, s.Now);

        Assert.True(s.Session.RequiresAutoRefund);
        Assert.Equal(3, receipt.Units);
        Assert.Equal(receipt.Charged, receipt.Refund);
    }

    [Fact]
    public void Connection_lost_at_thirty_seconds_of_live_time_is_not_refunded()
    {
        var s = Scenario.Live().Run(30);
        s.Must(new HeartbeatLost(s.Now, Party.Buyer)).Run(60).Must(new ReconnectGraceExpired(s.Now));

        Assert.Equal(EndReason.ConnectionLost, s.Session.EndReason);
        Assert.False(s.Session.RequiresAutoRefund);
        Assert.Equal(global::Meterchat.Ledger.Micros.Zero, Receipt.Of(s.Session, s.Now).Refund);
    }

    [Fact]
    public void Connection_lost_after_thirty_seconds_is_not_refunded()
    {
        var s = Scenario.Live().Run(45);
        s.Must(new PartyDisconnected(s.Now, Party.Buyer)).Run(60).Must(new ReconnectGraceExpired(s.Now));

        Assert.False(s.Session.RequiresAutoRefund);
    }

    [Fact]
    public void Live_time_before_an_earlier_resumed_drop_counts_toward_the_thirty_seconds()
    {
        var s = Scenario.Live().Run(20);
        s.Must(new PartyDisconnected(s.Now, Party.Buyer)).Run(10).Must(new PartyConnected(s.Now, Party.Buyer)).BothVideos();
        s.Run(15).Must(new PartyDisconnected(s.Now, Party.Buyer)).Run(60).Must(new ReconnectGraceExpired(s.Now));

        Assert.Equal(TimeSpan.FromSeconds(35), s.LiveTime);
        Assert.False(s.Session.RequiresAutoRefund);
    }

    [Fact]
    public void Clean_leave_within_thirty_seconds_is_not_refunded()
    {
        var s = Scenario.Live().Run(20);
        s.Must(new PartyLeft(s.Now, Party.Buyer));

        Assert.False(s.Session.RequiresAutoRefund);
    }

    [Fact]
    public void Running_out_of_money_within_thirty_seconds_is_not_refunded()
    {
        var s = Scenario.Live(rate: 20, walletTokens: 4).Run(20);

        Assert.Equal(EndReason.BalanceExhausted, s.Session.EndReason);
        Assert.False(s.Session.RequiresAutoRefund);
    }

    [Fact]
    public void Nothing_to_refund_when_the_failure_came_before_the_first_unit()
    {
        var s = Scenario.Live().Run(2);
        s.Must(new PartyDisconnected(s.Now, Party.Buyer)).Run(60).Must(new ReconnectGraceExpired(s.Now));

        Assert.True(s.Session.QualifiesForAutoRefund);
        Assert.False(s.Session.RequiresAutoRefund);
    }

    [Fact]
    public void A_refunded_session_settles_no_further_units()
    {
        // Unit 2 fell due at 9 s but the clock had not charged it when the drop came.
        var s = Scenario.Live().Run(8);
        s.Wait(1.5).Must(new PartyDisconnected(s.Now, Party.Buyer)).Wait(60).Must(new ReconnectGraceExpired(s.Now));

        Assert.Equal(0, s.Session.UnitsToCharge(s.Now));
        Assert.Equal(ApplyOutcome.Rejected, s.Apply(new UnitCharged(s.Now, 2)).Outcome);
        Assert.Equal(1, s.Session.UnitsCharged);
    }

    [Fact]
    public void Auto_refund_threshold_comes_from_the_options()
    {
        var options = new MeterOptions { AutoRefundLiveSeconds = 10 };
        var s = Scenario.Requested(options: options).Accept().Join().BothVideos().Run(20);
        s.Must(new PartyDisconnected(s.Now, Party.Buyer)).Run(60).Must(new ReconnectGraceExpired(s.Now));

        Assert.False(s.Session.RequiresAutoRefund);
    }
}
