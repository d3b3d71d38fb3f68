using Meterchat.Chats;

namespace Meterchat.Tests.Chats;

/// <summary>A dropped connection pauses billing; a reconnect within the grace resumes it.</summary>
public class PauseTests
{
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

    [Fact]
    public void Grace_expiry_that_loses_the_race_with_a_reconnect_is_ignored()
    {
        var s = Scenario.Live();

        Assert.Equal(ApplyOutcome.Ignored, s.Wait(60).Apply(new ReconnectGraceExpired(s.Now)).Outcome);
    }
}
