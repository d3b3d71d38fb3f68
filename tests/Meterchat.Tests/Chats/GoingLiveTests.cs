using Meterchat.Chats;

namespace Meterchat.Tests.Chats;

/// <summary>A session goes live only when both parties are connected and see each other.</summary>
public class GoingLiveTests
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
    public void Media_before_acceptance_is_rejected_so_nothing_goes_live()
    {
        var s = Scenario.Requested();

        Assert.Equal(ApplyOutcome.Rejected, s.Apply(new PartyConnected(s.Now, Party.Buyer)).Outcome);
        Assert.Equal(ApplyOutcome.Rejected, s.Apply(new MediaReported(s.Now, Party.Seller, true, true)).Outcome);
        Assert.Equal(ChatState.Requested, s.Session.State);
        Assert.Single(s.Session.Events);
    }
}
