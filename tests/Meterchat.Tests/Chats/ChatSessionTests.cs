using Meterchat.Chats;

namespace Meterchat.Tests.Chats;

public class ChatSessionTests
{
    [Fact]
    public void Session_goes_from_request_through_connecting_to_live()
    {
        var s = Scenario.Requested();
        Assert.Equal(ChatState.Requested, s.Session.State);

        s.Accept();
        Assert.Equal(ChatState.Accepted, s.Session.State);

        s.Must(new PartyConnected(s.Now, Party.Buyer));
        Assert.Equal(ChatState.Connecting, s.Session.State);

        s.Must(new PartyConnected(s.Now, Party.Seller)).BothVideos();
        Assert.Equal(ChatState.Live, s.Session.State);
        Assert.Equal(s.Now, s.Session.StartedAt);
    }

    [Fact]
    public void Live_needs_both_parties_to_receive_the_others_video()
    {
        var s = Scenario.Requested().Accept().Join();

        s.Report(Party.Buyer, video: true).Report(Party.Seller, video: false);
        Assert.Equal(ChatState.Connecting, s.Session.State);

        s.Wait(30).Report(Party.Seller, video: true);
        Assert.Equal(ChatState.Live, s.Session.State);
        Assert.Equal(TimeSpan.Zero, s.LiveTime);
    }

    [Fact]
    public void Live_needs_both_peer_connections()
    {
        var s = Scenario.Requested().Accept().Join();

        s.Report(Party.Buyer).Report(Party.Seller, peer: false, video: true);

        Assert.Equal(ChatState.Connecting, s.Session.State);
    }

    [Fact]
    public void Live_needs_both_hub_connections()
    {
        var s = Scenario.Requested().Accept().Must(new PartyConnected(Scenario.Start, Party.Buyer));

        s.BothVideos();

        Assert.Equal(ChatState.Connecting, s.Session.State);
    }

    [Fact]
    public void Camera_off_does_not_pause_a_live_session()
    {
        var s = Scenario.Live().Wait(10);

        s.Report(Party.Buyer, video: false).Report(Party.Seller, video: false).Wait(20);

        Assert.Equal(ChatState.Live, s.Session.State);
        Assert.Equal(TimeSpan.FromSeconds(30), s.LiveTime);
    }

    [Fact]
    public void Peer_connection_lost_pauses_the_session()
    {
        var s = Scenario.Live().Wait(10);

        s.Report(Party.Seller, peer: false, video: false).Wait(20);

        Assert.Equal(ChatState.Paused, s.Session.State);
        Assert.Equal(TimeSpan.FromSeconds(10), s.LiveTime);
    }

    [Fact]
    public void Hub_connection_lost_pauses_the_session()
    {
        var s = Scenario.Live().Wait(10);

        s.Must(new PartyDisconnected(s.Now, Party.Buyer)).Wait(20);

        Assert.Equal(ChatState.Paused, s.Session.State);
        Assert.Equal(TimeSpan.FromSeconds(10), s.LiveTime);
    }

    [Fact]
    public void Heartbeat_loss_pauses_the_session_and_the_next_report_with_both_videos_resumes_it()
    {
        var s = Scenario.Live().Wait(10);

        s.Must(new HeartbeatLost(s.Now, Party.Seller)).Wait(5);
        Assert.Equal(ChatState.Paused, s.Session.State);

        s.Report(Party.Seller);
        Assert.Equal(ChatState.Paused, s.Session.State); // the buyer's pre-pause report proves nothing about now

        s.Report(Party.Buyer).Wait(10);
        Assert.Equal(ChatState.Live, s.Session.State);
        Assert.Equal(TimeSpan.FromSeconds(20), s.LiveTime);
        Assert.Equal(TimeSpan.FromSeconds(5), s.Session.PausedTime(s.Now));
    }

    [Fact]
    public void Resume_after_a_drop_needs_both_videos_again()
    {
        var s = Scenario.Live().Report(Party.Buyer, video: false); // seller's camera off, still live
        s.Must(new PartyDisconnected(s.Now, Party.Seller)).Wait(5).Must(new PartyConnected(s.Now, Party.Seller));

        s.Report(Party.Seller).Report(Party.Buyer, video: false);

        Assert.Equal(ChatState.Paused, s.Session.State);
    }

    [Fact]
    public void Reconnect_within_the_grace_resumes_billing_without_billing_the_pause()
    {
        var s = Scenario.Live().Run(60);
        s.Must(new PartyDisconnected(s.Now, Party.Buyer)).Run(45);
        s.Must(new PartyConnected(s.Now, Party.Buyer)).BothVideos().Run(60);

        Assert.Equal(ChatState.Live, s.Session.State);
        Assert.Equal(TimeSpan.FromSeconds(120), s.LiveTime);
        Assert.Equal(20, s.Session.UnitsCharged);
        Assert.Null(s.Session.ReconnectDeadline);
    }

    [Fact]
    public void Unclean_disconnect_ends_the_session_at_the_grace_without_billing_the_pause()
    {
        var s = Scenario.Live().Run(60);
        var droppedAt = s.Now;
        s.Must(new PartyDisconnected(s.Now, Party.Seller)).Run(59);

        Assert.Equal(droppedAt.AddSeconds(60), s.Session.ReconnectDeadline);
        Assert.Equal(ApplyOutcome.Rejected, s.Apply(new ReconnectGraceExpired(s.Now)).Outcome);

        s.Wait(1).Must(new ReconnectGraceExpired(s.Now)).Charge();

        Assert.Equal(ChatState.Ended, s.Session.State);
        Assert.Equal(EndReason.ConnectionLost, s.Session.EndReason);
        Assert.Equal(TimeSpan.FromSeconds(60), s.LiveTime);
        Assert.Equal(10, s.Session.UnitsCharged);
        Assert.Equal(TimeSpan.FromSeconds(60), s.Session.PausedTime(s.Now));
    }

    [Fact]
    public void A_drop_while_paused_does_not_extend_the_grace()
    {
        var s = Scenario.Live().Wait(10).Must(new PartyDisconnected(Scenario.Start.AddSeconds(10), Party.Seller));
        var deadline = s.Session.ReconnectDeadline;

        s.Wait(30).Must(new PartyDisconnected(s.Now, Party.Buyer));

        Assert.Equal(deadline, s.Session.ReconnectDeadline);
    }

    [Theory]
    [InlineData(Party.Buyer, EndReason.BuyerLeft)]
    [InlineData(Party.Seller, EndReason.SellerLeft)]
    public void Clean_leave_ends_the_session_at_once(Party party, EndReason reason)
    {
        var s = Scenario.Live().Run(30);

        s.Must(new PartyLeft(s.Now, party)).Wait(60);

        Assert.Equal(ChatState.Ended, s.Session.State);
        Assert.Equal(reason, s.Session.EndReason);
        Assert.Equal(Scenario.Start.AddSeconds(30), s.Session.EndedAt);
        Assert.Equal(TimeSpan.FromSeconds(30), s.LiveTime);
    }

    [Fact]
    public void Clean_leave_while_paused_ends_at_once()
    {
        var s = Scenario.Live().Wait(10).Must(new HeartbeatLost(Scenario.Start.AddSeconds(10), Party.Buyer)).Wait(5);

        s.Must(new PartyLeft(s.Now, Party.Seller));

        Assert.Equal(EndReason.SellerLeft, s.Session.EndReason);
        Assert.Equal(TimeSpan.FromSeconds(5), s.Session.PausedTime(s.Now.AddHours(1)));
    }

    [Fact]
    public void Buyer_leaving_a_pending_request_cancels_it()
    {
        var s = Scenario.Requested();

        s.Must(new PartyLeft(s.Now, Party.Buyer));

        Assert.Equal(ChatState.Ended, s.Session.State);
        Assert.Equal(EndReason.BuyerLeft, s.Session.EndReason);
    }

    [Fact]
    public void Seller_can_decline_a_request()
    {
        var s = Scenario.Requested().Must(new ChatDeclined(Scenario.Start));

        Assert.Equal(ChatState.Declined, s.Session.State);
        Assert.Equal(EndReason.Declined, s.Session.EndReason);
    }

    [Fact]
    public void Unanswered_request_expires()
    {
        var s = Scenario.Requested().Must(new RequestExpired(Scenario.Start.AddSeconds(30)));

        Assert.Equal(ChatState.Expired, s.Session.State);
    }

    [Fact]
    public void Media_that_never_comes_up_fails_the_session_at_the_connect_timeout()
    {
        var s = Scenario.Requested().Accept().Join().Report(Party.Buyer);
        Assert.Equal(Scenario.Start.AddSeconds(60), s.Session.ConnectDeadline);

        Assert.Equal(ApplyOutcome.Rejected, s.Wait(59).Apply(new ConnectTimedOut(s.Now)).Outcome);
        s.Wait(1).Must(new ConnectTimedOut(s.Now));

        Assert.Equal(ChatState.Failed, s.Session.State);
        Assert.Equal(EndReason.ConnectFailed, s.Session.EndReason);
        Assert.Equal(0, s.Session.UnitsCharged);
    }

    [Fact]
    public void Connect_timeout_that_loses_the_race_with_going_live_is_ignored()
    {
        var s = Scenario.Live();

        Assert.Equal(ApplyOutcome.Ignored, s.Wait(60).Apply(new ConnectTimedOut(s.Now)).Outcome);
        Assert.Equal(ChatState.Live, s.Session.State);
    }

    [Fact]
    public void Grace_expiry_that_loses_the_race_with_a_reconnect_is_ignored()
    {
        var s = Scenario.Live();

        Assert.Equal(ApplyOutcome.Ignored, s.Wait(60).Apply(new ReconnectGraceExpired(s.Now)).Outcome);
    }

    [Theory]
    [InlineData(Party.Buyer)]
    [InlineData(Party.Seller)]
    public void Ban_ends_the_session_at_once(Party party)
    {
        var s = Scenario.Live().Run(12);

        s.Must(new PartyBanned(s.Now, party));

        Assert.Equal(EndReason.Banned, s.Session.EndReason);
        Assert.Equal(TimeSpan.FromSeconds(12), s.LiveTime);
    }

    [Fact]
    public void Block_ends_the_session_at_once()
    {
        var s = Scenario.Live().Run(12);

        s.Must(new BuyerBlocked(s.Now));

        Assert.Equal(ChatState.Ended, s.Session.State);
        Assert.Equal(EndReason.Blocked, s.Session.EndReason);
    }

    [Fact]
    public void Media_before_acceptance_is_rejected_so_nothing_goes_live()
    {
        var s = Scenario.Requested();

        Assert.Equal(ApplyOutcome.Rejected, s.Apply(new PartyConnected(s.Now, Party.Buyer)).Outcome);
        Assert.Equal(ApplyOutcome.Rejected, s.Apply(new MediaReported(s.Now, Party.Seller, true, true)).Outcome);
        Assert.Equal(ChatState.Requested, s.Session.State);
        Assert.Single(s.Session.Events);
    }

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
