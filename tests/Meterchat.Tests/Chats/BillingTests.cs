using Meterchat.Chats;
using Meterchat.Ledger;

namespace Meterchat.Tests.Chats;

public class BillingTests
{
    [Fact]
    public void Seed_thirty_minutes_at_twenty_tokens_bills_six_hundred_tokens_split_150_to_450()
    {
        var s = Scenario.Live(rate: 20, walletTokens: 1_000).Run(30 * 60);
        s.Must(new PartyLeft(s.Now, Party.Buyer)).Charge();

        var receipt = Receipt.Of(s.Session, s.Now);

        Assert.Equal(300, receipt.Units);
        Assert.Equal(new Micros(6_000_000), receipt.Charged);
        Assert.Equal(Micros.FromTokens(600), receipt.Charged);
        Assert.Equal(Micros.FromTokens(150), receipt.Commission);
        Assert.Equal(Micros.FromTokens(450), receipt.SellerShare);
        Assert.Equal("4.50", receipt.SellerShare.ToUsdtString());
        Assert.Equal(Micros.FromTokens(400), s.Wallet);
        Assert.Equal(receipt.SellerShare, s.SellerEarnings);
        Assert.Equal(receipt.Commission, s.PlatformRevenue);
    }

    [Fact]
    public void Units_are_paid_as_they_go_with_no_final_adjustment()
    {
        var s = Scenario.Live();
        for (var second = 1; second <= 120; second++)
        {
            s.Run(1);
            Assert.Equal((second + 3) / 6, s.Session.UnitsCharged);
        }
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(3, 1)]
    [InlineData(8, 1)]
    [InlineData(9, 2)]
    public void Session_bills_its_live_seconds_rounded_to_the_nearest_unit(int liveSeconds, long units)
    {
        var s = Scenario.Live().Run(liveSeconds);
        s.Must(new PartyLeft(s.Now, Party.Seller)).Charge();

        Assert.Equal(units, s.Session.UnitsCharged);
        Assert.Equal(new Micros(20_000 * units), s.Session.Charged);
    }

    [Fact]
    public void The_last_due_unit_is_settled_after_a_leave_the_clock_had_not_charged_yet()
    {
        var s = Scenario.Live().Run(8);
        s.Wait(1).Must(new PartyLeft(s.Now, Party.Buyer)); // 9 s: unit 2 due, not yet charged

        s.Wait(5).Charge();

        Assert.Equal(2, s.Session.UnitsCharged);
    }

    [Fact]
    public void Paused_time_is_not_billed()
    {
        var s = Scenario.Live().Run(30);
        s.Must(new PartyDisconnected(s.Now, Party.Seller)).Run(50);
        s.Must(new PartyConnected(s.Now, Party.Seller)).BothVideos().Run(30);
        s.Report(Party.Buyer, peer: false).Run(40);
        s.Report(Party.Buyer).Report(Party.Seller).Run(30);
        s.Must(new PartyLeft(s.Now, Party.Buyer)).Charge();

        var receipt = Receipt.Of(s.Session, s.Now);

        Assert.Equal(TimeSpan.FromSeconds(90), receipt.LiveTime);
        Assert.Equal(15, receipt.Units);
        Assert.Equal(2, receipt.Pauses);
        Assert.Equal(TimeSpan.FromSeconds(90), receipt.PausedTime);
    }

    [Fact]
    public void Balance_exhaustion_stops_at_the_first_unit_that_does_not_fit()
    {
        // 1 token at 2 tokens/min: five units of 0.2 tokens, the sixth does not fit.
        var s = Scenario.Live(rate: 2, walletTokens: 1);
        s.Run(60);

        Assert.Equal(ChatState.Ended, s.Session.State);
        Assert.Equal(EndReason.BalanceExhausted, s.Session.EndReason);
        Assert.Equal(5, s.Session.UnitsCharged);
        Assert.Equal(Micros.Zero, s.Wallet);
        Assert.Equal(Scenario.Start.AddSeconds(33), s.Session.EndedAt); // unit 6 fell due at 33 s
        Assert.Equal(TimeSpan.FromSeconds(33), s.LiveTime);
    }

    [Fact]
    public void A_wallet_with_a_partial_unit_left_stops_at_that_unit_and_keeps_the_rest()
    {
        var s = Scenario.Live(rate: 13);
        s.Wallet = new Micros((13_000 * 3) + 12_999);

        s.Run(60);

        Assert.Equal(3, s.Session.UnitsCharged);
        Assert.Equal(new Micros(12_999), s.Wallet);
        Assert.Equal(EndReason.BalanceExhausted, s.Session.EndReason);
    }

    [Fact]
    public void Spending_limit_ends_the_session_before_it_is_exceeded()
    {
        var s = Scenario.Live(rate: 20, limit: Micros.FromTokens(20)); // one minute: 10 units
        s.Run(120);

        Assert.Equal(EndReason.SpendingLimitReached, s.Session.EndReason);
        Assert.Equal(10, s.Session.UnitsCharged);
        Assert.Equal(Micros.FromTokens(20), s.Session.Charged);
        Assert.Equal(TimeSpan.FromSeconds(63), s.LiveTime);
    }

    [Fact]
    public void A_unit_over_the_spending_limit_cannot_be_charged()
    {
        var s = Scenario.Live(rate: 20, limit: new Micros(20_000)).Run(3);

        var result = s.Wait(6).Apply(new UnitCharged(s.Now, 2));

        Assert.Equal(ApplyOutcome.Rejected, result.Outcome);
        Assert.Equal(1, s.Session.UnitsCharged);
    }

    [Fact]
    public void No_unit_is_charged_after_billing_stopped_even_if_the_wallet_is_topped_up()
    {
        var s = Scenario.Live(rate: 20, walletTokens: 0).Wait(3);
        s.Charge();
        Assert.Equal(EndReason.BalanceExhausted, s.Session.EndReason);

        Assert.Equal(ApplyOutcome.Rejected, s.Apply(new UnitCharged(s.Now, 1)).Outcome);
        Assert.True(s.Meter.Plan(s.Session, s.Now, Micros.FromTokens(100)).IsEmpty);
    }

    [Fact]
    public void Units_must_be_charged_in_order_and_only_when_due()
    {
        var s = Scenario.Live().Wait(8);

        Assert.Equal(ApplyOutcome.Rejected, s.Apply(new UnitCharged(s.Now, 2)).Outcome);
        s.Must(new UnitCharged(s.Now, 1));
        Assert.Equal(ApplyOutcome.Rejected, s.Apply(new UnitCharged(s.Now, 2)).Outcome);
        Assert.Equal(ApplyOutcome.Ignored, s.Apply(new UnitCharged(s.Now, 1)).Outcome);
        s.Wait(1).Must(new UnitCharged(s.Now, 2));
    }

    [Fact]
    public void A_refusal_must_name_the_next_due_unit_and_a_money_reason()
    {
        var s = Scenario.Live().Wait(4);

        Assert.Equal(ApplyOutcome.Rejected, s.Apply(new UnitRefused(s.Now, 2, EndReason.BalanceExhausted)).Outcome);
        Assert.Equal(ApplyOutcome.Rejected, s.Apply(new UnitRefused(s.Now, 1, EndReason.BuyerLeft)).Outcome);
        Assert.Equal(ChatState.Live, s.Session.State);
    }

    [Fact]
    public void Nothing_is_charged_before_the_session_goes_live()
    {
        var s = Scenario.Requested().Accept().Join().Wait(60);

        Assert.Equal(ApplyOutcome.Rejected, s.Apply(new UnitCharged(s.Now, 1)).Outcome);
        Assert.Equal(ApplyOutcome.Rejected, s.Apply(new UnitRefused(s.Now, 1, EndReason.BalanceExhausted)).Outcome);
    }
}
