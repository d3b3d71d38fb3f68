using Meterchat.Chats;
using Meterchat.Ledger;

namespace Meterchat.Tests.Chats;

public class FundsOutlookTests
{
    [Fact]
    public void Time_left_runs_to_when_the_first_unaffordable_unit_falls_due()
    {
        // 3 tokens at 20 tokens/min: one unit (2 tokens) fits, unit 2 falls due at 9 s.
        var s = Scenario.Live(rate: 20, walletTokens: 3).Wait(1);

        var outlook = s.Meter.Outlook(s.Session, s.Now, s.Wallet);

        Assert.Equal(1, outlook.LastAffordableUnit);
        Assert.Equal(EndReason.BalanceExhausted, outlook.LimitedBy);
        Assert.Equal(TimeSpan.FromSeconds(8), outlook.LiveTimeLeft);
        Assert.Equal(s.Now.AddSeconds(8), outlook.RunsOutAt);
    }

    [Fact]
    public void Warning_is_due_one_minute_before_the_wallet_runs_out()
    {
        // 40 tokens at 20 tokens/min: 20 units; unit 21 falls due at 123 s, so the warning at 63 s.
        var s = Scenario.Live(rate: 20, walletTokens: 40);

        var atStart = s.Meter.Outlook(s.Session, s.Now, s.Wallet);
        Assert.Equal(Scenario.Start.AddSeconds(63), atStart.WarnAt);
        Assert.False(atStart.WarningDue);

        s.Run(62);
        Assert.False(s.Meter.Outlook(s.Session, s.Now, s.Wallet).WarningDue);

        s.Run(1);
        var due = s.Meter.Outlook(s.Session, s.Now, s.Wallet);
        Assert.True(due.WarningDue);
        Assert.Equal(TimeSpan.FromSeconds(60), due.LiveTimeLeft);
    }

    [Fact]
    public void Warning_is_due_one_minute_before_the_spending_limit_is_reached()
    {
        var s = Scenario.Live(rate: 20, limit: Micros.FromTokens(30)).Run(33); // 15 units, unit 16 at 93 s

        var outlook = s.Meter.Outlook(s.Session, s.Now, s.Wallet);

        Assert.Equal(EndReason.SpendingLimitReached, outlook.LimitedBy);
        Assert.True(outlook.WarningDue);
    }

    [Fact]
    public void Buyer_is_warned_once_per_shortfall()
    {
        var s = Scenario.Live(rate: 20, walletTokens: 10).Run(5);
        var outlook = s.Meter.Outlook(s.Session, s.Now, s.Wallet);
        Assert.True(outlook.WarningDue);

        s.Must(outlook.Warned(s.Now)).Run(5);

        Assert.False(s.Meter.Outlook(s.Session, s.Now, s.Wallet).WarningDue);
        Assert.Equal(ApplyOutcome.Ignored, s.Apply(outlook.Warned(s.Now)).Outcome);
    }

    [Fact]
    public void A_top_up_that_still_leaves_under_a_minute_warns_again()
    {
        var s = Scenario.Live(rate: 20, walletTokens: 10).Run(5);
        s.Must(s.Meter.Outlook(s.Session, s.Now, s.Wallet).Warned(s.Now));

        s.Wallet += Micros.FromTokens(4);

        Assert.True(s.Meter.Outlook(s.Session, s.Now, s.Wallet).WarningDue);
    }

    [Fact]
    public void No_warning_while_paused_and_no_run_out_time_while_the_meter_stands()
    {
        var s = Scenario.Live(rate: 20, walletTokens: 10).Run(5);
        s.Must(new PartyDisconnected(s.Now, Party.Seller));

        var outlook = s.Meter.Outlook(s.Session, s.Now, s.Wallet);

        Assert.False(outlook.WarningDue);
        Assert.Null(outlook.RunsOutAt);
        Assert.Null(outlook.WarnAt);
    }

    [Fact]
    public void A_large_wallet_without_a_limit_shows_its_time_left()
    {
        var s = Scenario.Live(rate: 1, walletTokens: 1_000_000);

        var outlook = s.Meter.Outlook(s.Session, s.Now, s.Wallet);

        Assert.Equal(TimeSpan.FromMinutes(1_000_000) + TimeSpan.FromSeconds(3), outlook.LiveTimeLeft); // unit 10,000,001 is due at 6k − 3 s
        Assert.False(outlook.WarningDue);
    }

    [Fact]
    public void Warning_before_the_session_is_live_is_rejected()
    {
        var s = Scenario.Requested().Accept();

        Assert.Equal(ApplyOutcome.Rejected, s.Apply(new BuyerWarned(s.Now, EndReason.BalanceExhausted, 0)).Outcome);
    }
}
