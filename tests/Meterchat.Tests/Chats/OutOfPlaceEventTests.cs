using Meterchat.Chats;

namespace Meterchat.Tests.Chats;

/// <summary>Events out of place (twice, too late, stamped too early, on bad terms) are refused, ignored or clamped.</summary>
public class OutOfPlaceEventTests
{
    [Fact]
    public void Answering_a_request_twice_is_rejected()
    {
        var s = Scenario.Live();

        Assert.Equal(ApplyOutcome.Rejected, s.Apply(new ChatAccepted(s.Now)).Outcome);
        Assert.Equal(ApplyOutcome.Rejected, s.Apply(new ChatDeclined(s.Now)).Outcome);
        Assert.Equal(ApplyOutcome.Rejected, s.Apply(new ChatRequested(s.Now, s.Session.Terms)).Outcome);
        Assert.Equal(ChatState.Live, s.Session.State);
    }

    [Fact]
    public void Events_after_the_end_are_ignored_and_not_logged()
    {
        var s = Scenario.Live().Run(10).Must(new PartyLeft(Scenario.Start.AddSeconds(10), Party.Buyer));
        var logged = s.Session.Events.Count;

        ChatEvent[] late =
        [
            new MediaReported(s.Now, Party.Seller, true, true),
            new PartyDisconnected(s.Now, Party.Seller),
            new PartyConnected(s.Now, Party.Buyer),
            new HeartbeatLost(s.Now, Party.Buyer),
            new PartyLeft(s.Now, Party.Seller),
            new ReconnectGraceExpired(s.Now),
            new ServerRecovered(s.Now),
            new PartyBanned(s.Now, Party.Buyer),
            new UnitRefused(s.Now, 3, EndReason.BalanceExhausted),
        ];
        foreach (var e in late)
        {
            Assert.Equal(ApplyOutcome.Ignored, s.Wait(1).Apply(e).Outcome);
        }

        Assert.Equal(logged, s.Session.Events.Count);
        Assert.Equal(EndReason.BuyerLeft, s.Session.EndReason);
        Assert.Equal(TimeSpan.FromSeconds(10), s.LiveTime);
    }

    [Fact]
    public void Repeated_reports_are_ignored_and_not_logged()
    {
        var s = Scenario.Live();
        var logged = s.Session.Events.Count;

        Assert.Equal(ApplyOutcome.Ignored, s.Wait(2).Apply(new MediaReported(s.Now, Party.Buyer, true, true)).Outcome);
        Assert.Equal(ApplyOutcome.Ignored, s.Apply(new PartyConnected(s.Now, Party.Seller)).Outcome);

        Assert.Equal(logged, s.Session.Events.Count);
    }

    [Fact]
    public void An_event_stamped_before_the_last_one_is_clamped_forward()
    {
        var s = Scenario.Live().Wait(10);
        s.Must(new PartyDisconnected(s.Now, Party.Seller));

        var result = s.Apply(new PartyConnected(s.Now.AddSeconds(-5), Party.Seller));

        Assert.Equal(s.Now, result.Recorded!.At);
        Assert.Equal(TimeSpan.FromSeconds(10), s.LiveTime);
    }

    [Fact]
    public void A_request_on_invalid_terms_is_refused()
    {
        var meter = new Meter(new MeterOptions());
        var bad = new ChatRequested(Scenario.Start, new ChatTerms(new global::Meterchat.Ledger.TokenRate(0), 2500));

        Assert.Throws<ArgumentException>(() => ChatSession.Request(bad, meter, new ClientReportedEvidence()));
    }
}
