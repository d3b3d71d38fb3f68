using Meterchat.Chats;

namespace Meterchat.Tests.Chats;

/// <summary>How a request or a session ends: leave, decline, expiry, connect timeout, ban, block.</summary>
public class SessionEndTests
{
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
}
