using Meterchat.Chats;
using Meterchat.Chats.Relay;

namespace Meterchat.Tests.Chats;

/// <summary>Chat:Evidence=Relay: coturn's traffic deltas decide, through the window watch, whether the meter runs.</summary>
public class RelayEvidenceTests
{
    private static readonly Guid SessionId = Guid.Parse("6f1c2a4e-8d5b-4c3a-9e7f-0123456789ab");
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(20);

    private readonly Scenario _s = Scenario.Requested(media: new RelayMediaEvidence()).Accept().Join();
    private readonly RelayTrafficWatch _watch = new(Window);

    [Fact]
    public void Billing_starts_when_the_relay_shows_both_parties_sending_and_receiving()
    {
        Delta(Party.Buyer);
        Assert.Equal(ChatState.Connecting, _s.Session.State);

        _s.Wait(3);
        Delta(Party.Seller);

        Assert.Equal(ChatState.Live, _s.Session.State);
        Assert.Equal(_s.Now, _s.Session.StartedAt);
    }

    [Fact]
    public void Client_reports_alone_never_start_billing_in_relay_mode()
    {
        _s.BothVideos().Wait(30);

        Assert.Equal(ChatState.Connecting, _s.Session.State);
        Assert.Equal(TimeSpan.Zero, _s.LiveTime);
    }

    [Fact]
    public void One_way_traffic_does_not_count_as_evidence()
    {
        Delta(Party.Buyer);
        Delta(Party.Seller, received: 120_000, sent: 0);

        Assert.Equal(ChatState.Connecting, _s.Session.State);
    }

    [Fact]
    public void Session_stays_live_while_deltas_arrive_within_the_window()
    {
        BothFlowing();
        for (var i = 0; i < 10; i++)
        {
            _s.Run(8);
            Delta(Party.Buyer);
            Delta(Party.Seller);
            Expire();
        }

        Assert.Equal(ChatState.Live, _s.Session.State);
        Assert.Equal(TimeSpan.FromSeconds(80), _s.LiveTime);
        Assert.Equal(13, _s.Session.UnitsCharged);
    }

    [Fact]
    public void Relay_silence_pauses_billing_backdated_to_the_last_delta()
    {
        BothFlowing();
        _s.Run(10);
        Delta(Party.Buyer);
        Delta(Party.Seller);

        // Nothing more through the relay: the window passes, then the stop is noticed.
        _s.Wait(19);
        Expire();
        Assert.Equal(ChatState.Live, _s.Session.State);
        _s.Wait(1);
        Expire();

        Assert.Equal(ChatState.Paused, _s.Session.State);
        Assert.Equal(TimeSpan.FromSeconds(10), _s.LiveTime);
    }

    [Fact]
    public void One_silent_party_pauses_billing_backdated_but_never_past_a_charged_unit()
    {
        BothFlowing();
        _s.Run(10);
        Delta(Party.Buyer);
        Delta(Party.Seller);

        // Only the buyer's media reaches the relay from now on; the watch is checked every second.
        for (var second = 1; second <= 24; second++)
        {
            _s.Run(1);
            if (second % 6 == 0)
            {
                Delta(Party.Buyer);
            }

            Expire();
        }

        // The seller's last delta was at 10 s; the stop is noticed at 30 s. Unit 5 (due at 27 s) was charged
        // meanwhile and is final, so the pause is backdated to 27 s, not 10 s.
        Assert.Equal(ChatState.Paused, _s.Session.State);
        Assert.Equal(5, _s.Session.UnitsCharged);
        Assert.Equal(TimeSpan.FromSeconds(27), _s.LiveTime);
    }

    [Fact]
    public void Billing_resumes_when_the_relay_shows_traffic_again()
    {
        BothFlowing();
        _s.Wait(25);
        Expire();
        Assert.Equal(ChatState.Paused, _s.Session.State);

        _s.Wait(5);
        Delta(Party.Buyer);
        Delta(Party.Seller);
        _s.Wait(10);

        Assert.Equal(ChatState.Live, _s.Session.State);
        Assert.Equal(TimeSpan.FromSeconds(10), _s.LiveTime);
        Assert.Equal(1, _s.Session.Pauses);
    }

    [Fact]
    public void Client_claiming_not_receiving_keeps_being_billed_while_the_relay_shows_traffic()
    {
        _s.BothVideos();
        BothFlowing();
        _s.Run(4);

        // The buyer's modified client says the video is gone and the peer connection is down.
        _s.Report(Party.Buyer, peer: false, video: false);
        for (var i = 0; i < 4; i++)
        {
            _s.Run(6);
            Delta(Party.Buyer);
            Delta(Party.Seller);
            Expire();
        }

        Assert.Equal(ChatState.Live, _s.Session.State);
        Assert.Equal(TimeSpan.FromSeconds(28), _s.LiveTime);
        Assert.Equal(5, _s.Session.UnitsCharged);
    }

    [Fact]
    public void Client_that_stops_reporting_keeps_being_billed_while_the_relay_shows_traffic()
    {
        BothFlowing();
        _s.Run(7);

        _s.Must(new HeartbeatLost(_s.Now, Party.Buyer));

        Assert.Equal(ChatState.Live, _s.Session.State);
    }

    [Fact]
    public void Hub_disconnect_still_pauses_in_relay_mode()
    {
        BothFlowing();
        _s.Wait(10);

        _s.Must(new PartyDisconnected(_s.Now, Party.Seller));

        Assert.Equal(ChatState.Paused, _s.Session.State);
        Assert.Equal(TimeSpan.FromSeconds(10), _s.LiveTime);
    }

    [Fact]
    public void After_a_hub_drop_billing_resumes_only_on_fresh_relay_traffic()
    {
        BothFlowing();
        _s.Wait(10);
        _s.Must(new PartyDisconnected(_s.Now, Party.Seller));

        _s.Wait(3).Must(new PartyConnected(_s.Now, Party.Seller));
        Assert.Equal(ChatState.Paused, _s.Session.State);

        _s.Wait(4);
        Delta(Party.Seller);
        Assert.Equal(ChatState.Live, _s.Session.State);
    }

    [Fact]
    public void Leave_still_ends_the_session_in_relay_mode()
    {
        BothFlowing();
        _s.Wait(10);

        _s.Must(new PartyLeft(_s.Now, Party.Buyer));

        Assert.Equal(ChatState.Ended, _s.Session.State);
        Assert.Equal(EndReason.BuyerLeft, _s.Session.EndReason);
    }

    [Fact]
    public void A_relay_stop_is_never_backdated_before_the_session_went_live()
    {
        Delta(Party.Buyer);
        _s.Wait(15);
        Delta(Party.Seller);
        _s.Wait(6);

        // The buyer's last delta is 21 s old, older than the live interval (6 s).
        Expire();

        Assert.Equal(ChatState.Paused, _s.Session.State);
        Assert.Equal(TimeSpan.Zero, _s.LiveTime);
    }

    [Fact]
    public void A_relay_stop_replays_to_the_same_live_time()
    {
        BothFlowing();
        _s.Run(10);
        Delta(Party.Buyer);
        Delta(Party.Seller);
        _s.Wait(25);
        Expire();

        var replayed = ChatSession.Replay(_s.Session.Events, _s.Meter, _s.Media);

        Assert.Equal(ChatState.Paused, replayed.State);
        Assert.Equal(_s.LiveTime, replayed.LiveTime(_s.Now));
        Assert.Equal(TimeSpan.FromSeconds(10), replayed.LiveTime(_s.Now));
    }

    [Theory]
    [InlineData("turn/realm/meterchat/user/1795938377:6f1c2a4e-8d5b-4c3a-9e7f-0123456789ab.buyer/allocation/001000000000000002/traffic", true)]
    [InlineData("turn/realm/meterchat/user/1795938377:6f1c2a4e-8d5b-4c3a-9e7f-0123456789ab.buyer/allocation/001000000000000002/traffic/peer", false)]
    [InlineData("turn/realm/meterchat/user/1795938377:6f1c2a4e-8d5b-4c3a-9e7f-0123456789ab.buyer/allocation/001000000000000002/total_traffic", false)]
    [InlineData("turn/realm/meterchat/user/1795938377:6f1c2a4e-8d5b-4c3a-9e7f-0123456789ab.buyer/allocation/001000000000000002/status", false)]
    [InlineData("turn/realm/meterchat/user/alice/allocation/001000000000000002/traffic", false)]
    [InlineData("turn/realm/meterchat/user/1795938377:6f1c2a4e-8d5b-4c3a-9e7f-0123456789ab.admin/allocation/1/traffic", false)]
    public void Only_traffic_deltas_of_session_credentials_are_read(string channel, bool read)
    {
        var parsed = CoturnTraffic.TryParse(channel, "rcvp=1024, rcvb=208896, sentp=1024, sentb=204800", out var traffic);

        Assert.Equal(read, parsed);
        if (read)
        {
            Assert.Equal(new CoturnTraffic(SessionId, Party.Buyer, 208_896, 204_800), traffic);
        }
    }

    private void BothFlowing()
    {
        Delta(Party.Buyer);
        Delta(Party.Seller);
        Assert.Equal(ChatState.Live, _s.Session.State);
    }

    private void Delta(Party party, long received = 208_896, long sent = 204_800)
    {
        var channel = $"turn/realm/meterchat/user/1795938377:{SessionId}.{party.ToString().ToLowerInvariant()}/allocation/001000000000000002/traffic";
        Assert.True(CoturnTraffic.TryParse(channel, $"rcvp=1024, rcvb={received}, sentp=1024, sentb={sent}", out var traffic));
        if (_watch.Observe(traffic, _s.Now) is { } flowing)
        {
            _s.Apply(flowing);
        }
    }

    private void Expire()
    {
        foreach (var (session, stop) in _watch.TakeExpired(_s.Now))
        {
            Assert.Equal(SessionId, session);
            _s.Apply(stop);
        }
    }
}
