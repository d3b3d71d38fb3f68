using Meterchat.Chats;
using Meterchat.Ledger;

namespace Meterchat.Tests.Chats;

public class ReceiptTests
{
    [Fact]
    public void Receipt_reports_live_time_units_money_pauses_and_the_end()
    {
        var s = Scenario.Live(rate: 13).Run(60);
        s.Must(new PartyDisconnected(s.Now, Party.Buyer)).Run(20);
        s.Must(new PartyConnected(s.Now, Party.Buyer)).BothVideos().Run(61);
        s.Must(new PartyLeft(s.Now, Party.Seller)).Charge();

        var receipt = Receipt.Of(s.Session, s.Now.AddDays(1));

        Assert.Equal(ChatState.Ended, receipt.State);
        Assert.Equal(EndReason.SellerLeft, receipt.EndReason);
        Assert.Equal(Scenario.Start, receipt.StartedAt);
        Assert.Equal(Scenario.Start.AddSeconds(141), receipt.EndedAt);
        Assert.Equal(TimeSpan.FromSeconds(121), receipt.LiveTime);
        Assert.Equal(20, receipt.Units); // 121 s / 6 = 20.17
        Assert.Equal(new Micros(260_000), receipt.Charged);
        Assert.Equal(new Micros(65_000), receipt.Commission);
        Assert.Equal(new Micros(195_000), receipt.SellerShare);
        Assert.Equal(1, receipt.Pauses);
        Assert.Equal(TimeSpan.FromSeconds(20), receipt.PausedTime);
        Assert.False(receipt.RequiresAutoRefund);
    }

    [Fact]
    public void Receipt_is_computed_from_the_log_alone()
    {
        var s = Scenario.Live().Run(100);
        s.Must(new PartyLeft(s.Now, Party.Buyer));

        var fromLog = Receipt.FromLog(s.Session.Events.ToList(), new Meter(new MeterOptions()), new ClientReportedEvidence(), s.Now);

        Assert.Equal(Receipt.Of(s.Session, s.Now), fromLog);
        Assert.Equal(17, fromLog.Units);
    }

    [Fact]
    public void Running_receipt_shows_the_billed_time_so_far()
    {
        var s = Scenario.Live().Run(10);

        var receipt = Receipt.Of(s.Session, s.Now);

        Assert.Equal(ChatState.Live, receipt.State);
        Assert.Null(receipt.EndReason);
        Assert.Equal(TimeSpan.FromSeconds(10), receipt.LiveTime);
        Assert.Equal(2, receipt.Units);
    }

    [Fact]
    public void Declined_request_costs_nothing()
    {
        var s = Scenario.Requested().Must(new ChatDeclined(Scenario.Start.AddSeconds(5)));

        var receipt = Receipt.Of(s.Session, s.Now);

        Assert.Equal(Micros.Zero, receipt.Charged);
        Assert.Null(receipt.StartedAt);
        Assert.Equal(0, receipt.Pauses);
        Assert.Equal(TimeSpan.Zero, receipt.LiveTime);
    }
}
