using Meterchat.Chats;
using Meterchat.Ledger;

namespace Meterchat.Tests.Chats;

public class ChargePlanTests
{
    [Fact]
    public void Plan_charges_every_due_unit_in_order_when_they_fit()
    {
        var s = Scenario.Live().Wait(20); // 20 s live: units 1..3 due

        var plan = s.Meter.Plan(s.Session, s.Now, s.Wallet);

        Assert.Equal([1L, 2L, 3L], plan.Units);
        Assert.Null(plan.StopReason);
    }

    [Fact]
    public void Plan_stops_at_the_first_unit_that_does_not_fit_the_wallet()
    {
        var s = Scenario.Live(rate: 20).Wait(30); // 5 units due at 20,000 µ each

        var plan = s.Meter.Plan(s.Session, s.Now, new Micros(59_999));

        Assert.Equal([1L, 2L], plan.Units);
        Assert.Equal(3, plan.RefusedUnit);
        Assert.Equal(EndReason.BalanceExhausted, plan.StopReason);
    }

    [Fact]
    public void Plan_stops_at_the_first_unit_over_the_spending_limit()
    {
        var s = Scenario.Live(rate: 20, limit: new Micros(40_000)).Wait(30);

        var plan = s.Meter.Plan(s.Session, s.Now, s.Wallet);

        Assert.Equal([1L, 2L], plan.Units);
        Assert.Equal(EndReason.SpendingLimitReached, plan.StopReason);
    }

    [Fact]
    public void Spending_limit_is_the_reason_when_wallet_and_limit_run_out_together()
    {
        var s = Scenario.Live(rate: 20, limit: new Micros(40_000)).Wait(30);

        var plan = s.Meter.Plan(s.Session, s.Now, new Micros(40_000));

        Assert.Equal(EndReason.SpendingLimitReached, plan.StopReason);
    }

    [Fact]
    public void Empty_wallet_refuses_the_first_unit()
    {
        var s = Scenario.Live().Wait(3);

        var plan = s.Meter.Plan(s.Session, s.Now, Micros.Zero);

        Assert.Empty(plan.Units);
        Assert.Equal(1, plan.RefusedUnit);
        Assert.Equal(EndReason.BalanceExhausted, plan.StopReason);
    }

    [Fact]
    public void Nothing_is_planned_before_a_unit_is_due()
    {
        var s = Scenario.Live().Wait(2.9);

        Assert.True(s.Meter.Plan(s.Session, s.Now, s.Wallet).IsEmpty);
    }

    [Fact]
    public void Next_unit_due_time_tells_the_clock_when_to_wake()
    {
        var s = Scenario.Live();

        Assert.Equal(s.Now.AddSeconds(3), s.Session.NextUnitDueAt(s.Now));
        s.Run(3);
        Assert.Equal(s.Now.AddSeconds(6), s.Session.NextUnitDueAt(s.Now));
        s.Wait(1);
        Assert.Equal(s.Now.AddSeconds(5), s.Session.NextUnitDueAt(s.Now));
    }

    [Fact]
    public void Next_unit_due_time_is_now_when_a_unit_is_overdue_and_none_while_paused()
    {
        var s = Scenario.Live().Wait(4);
        Assert.Equal(s.Now, s.Session.NextUnitDueAt(s.Now));

        s.Charge();
        s.Must(new PartyDisconnected(s.Now, Party.Seller));

        Assert.Null(s.Session.NextUnitDueAt(s.Now));
    }
}
