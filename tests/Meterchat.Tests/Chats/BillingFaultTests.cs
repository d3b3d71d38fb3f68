using Meterchat.Chats;

namespace Meterchat.Tests.Chats;

/// <summary>A unit the ledger keeps refusing for a fault of its own stops billing instead of being retried forever.</summary>
public class BillingFaultTests
{
    [Fact]
    public void A_billing_fault_ends_a_running_session_and_nothing_more_is_charged()
    {
        var s = Scenario.Live().Run(40).Wait(5); // unit 8 fell due at 45 s
        var next = s.Session.UnitsCharged + 1;

        s.Must(new UnitRefused(s.Now, next, EndReason.BillingFault)).Wait(30);

        Assert.Equal((ChatState.Ended, EndReason.BillingFault), (s.Session.State, s.Session.EndReason));
        Assert.Equal(0, s.Session.UnitsToCharge(s.Now));
        Assert.Equal(ApplyOutcome.Rejected, s.Apply(new UnitCharged(s.Now, next)).Outcome);
        Assert.False(s.Session.RequiresAutoRefund);
    }

    [Fact]
    public void A_billing_fault_in_the_first_thirty_seconds_is_refunded_like_a_failure()
    {
        var s = Scenario.Live().Run(20).Wait(1); // unit 4 fell due at 21 s

        s.Must(new UnitRefused(s.Now, s.Session.UnitsCharged + 1, EndReason.BillingFault));

        Assert.True(s.Session.RequiresAutoRefund);
        Assert.Equal(Receipt.Of(s.Session, s.Now).Charged, Receipt.Of(s.Session, s.Now).Refund);
    }

    [Fact]
    public void A_fault_on_the_last_units_after_a_leave_stops_them_and_keeps_the_leave()
    {
        var s = Scenario.Live().Run(40).Wait(5.5);
        s.Must(new PartyLeft(s.Now, Party.Buyer)); // unit 8 fell due at 45 s and is not charged yet
        var unsettled = s.Session.UnitsCharged + 1;
        Assert.Equal(1, s.Session.UnitsToCharge(s.Now));

        s.Must(new UnitRefused(s.Now, unsettled, EndReason.BillingFault));

        Assert.Equal(EndReason.BuyerLeft, s.Session.EndReason);
        Assert.Equal(0, s.Session.UnitsToCharge(s.Now));
        Assert.Equal(s.Session.EndReason, ChatSession.Replay(s.Session.Events, s.Meter, s.Media).EndReason);
    }

    [Fact]
    public void Nothing_is_refused_as_a_fault_before_the_meter_ran()
    {
        var s = Scenario.Requested().Accept().Join();

        Assert.Equal(ApplyOutcome.Rejected, s.Apply(new UnitRefused(s.Now, 1, EndReason.BillingFault)).Outcome);
    }
}
