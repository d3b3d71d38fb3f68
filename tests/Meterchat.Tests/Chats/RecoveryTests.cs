using System.Text.Json;
using Meterchat.Chats;
using Meterchat.Ledger;

namespace Meterchat.Tests.Chats;

public class RecoveryTests
{
    [Fact]
    public void Server_restart_resumes_a_live_session_as_paused_without_billing_the_downtime()
    {
        var s = Scenario.Live().Run(20); // unit 3 charged at 15 s, the last logged event
        var lastLogged = s.Session.LastEventAt;
        s.Wait(45); // the server dies at some unknown moment and is back 45 s later

        var restarted = ChatSession.Replay(s.Session.Events, s.Meter, s.Media);
        Assert.Equal(ChatState.Live, restarted.State);
        Assert.True(restarted.Apply(new ServerRecovered(s.Now)).IsApplied);

        Assert.Equal(ChatState.Paused, restarted.State);
        Assert.Equal(lastLogged - Scenario.Start, restarted.LiveTime(s.Now));
        Assert.Equal(0, restarted.UnitsToCharge(s.Now));
        Assert.Equal(s.Now.AddSeconds(60), restarted.ReconnectDeadline);
        Assert.Equal(MediaEvidence.None, restarted.Evidence);
        Assert.Equal(1, restarted.Pauses);
    }

    [Fact]
    public void After_a_restart_billing_resumes_when_both_rejoin_with_video()
    {
        var s = Scenario.Live().Run(15).Wait(30);
        s.Must(new ServerRecovered(s.Now)).Wait(5);
        s.Join().BothVideos().Run(30);

        Assert.Equal(ChatState.Live, s.Session.State);
        Assert.Equal(TimeSpan.FromSeconds(45), s.LiveTime);
        Assert.Equal(8, s.Session.UnitsCharged);
    }

    [Fact]
    public void After_a_restart_nobody_returning_ends_the_session_at_the_grace()
    {
        var s = Scenario.Live().Run(60).Wait(10);
        s.Must(new ServerRecovered(s.Now)).Wait(60).Must(new ReconnectGraceExpired(s.Now));

        Assert.Equal(EndReason.ConnectionLost, s.Session.EndReason);
        Assert.Equal(TimeSpan.FromSeconds(57), s.LiveTime); // cut at unit 10, charged at 57 s
    }

    [Fact]
    public void Server_restart_restarts_the_grace_of_a_paused_session()
    {
        var s = Scenario.Live().Run(10).Must(new PartyDisconnected(Scenario.Start.AddSeconds(10), Party.Buyer)).Wait(50);

        s.Must(new ServerRecovered(s.Now));

        Assert.Equal(ChatState.Paused, s.Session.State);
        Assert.Equal(s.Now.AddSeconds(60), s.Session.ReconnectDeadline);
        Assert.Equal(1, s.Session.Pauses);
    }

    [Fact]
    public void Server_restart_restarts_the_connect_timeout_of_a_connecting_session()
    {
        var s = Scenario.Requested().Accept().Join().Wait(50);

        s.Must(new ServerRecovered(s.Now));

        Assert.Equal(ChatState.Connecting, s.Session.State);
        Assert.Equal(s.Now.AddSeconds(60), s.Session.ConnectDeadline);
    }

    [Fact]
    public void Replaying_the_event_log_yields_the_same_session()
    {
        var s = BusySession();

        var replayed = ChatSession.Replay(s.Session.Events, s.Meter, s.Media);

        AssertSame(s.Session, replayed, s.Now);
    }

    [Fact]
    public void Replaying_the_log_stored_as_json_yields_the_same_session()
    {
        var s = BusySession();
        var json = JsonSerializer.Serialize<IEnumerable<ChatEvent>>(s.Session.Events);

        var stored = JsonSerializer.Deserialize<List<ChatEvent>>(json)!;
        var replayed = ChatSession.Replay(stored, s.Meter, s.Media);

        Assert.Equal(s.Session.Events, stored);
        AssertSame(s.Session, replayed, s.Now);
    }

    [Fact]
    public void Replay_survives_a_longer_grace_configured_after_the_log_was_written()
    {
        var s = Scenario.Live().Run(40);
        s.Must(new PartyDisconnected(s.Now, Party.Buyer)).Run(60).Must(new ReconnectGraceExpired(s.Now));

        var replayed = ChatSession.Replay(s.Session.Events, new Meter(new MeterOptions { ReconnectGraceSeconds = 120 }), s.Media);

        Assert.Equal(EndReason.ConnectionLost, replayed.EndReason);
    }

    [Fact]
    public void A_log_that_does_not_start_with_the_request_is_corrupt()
    {
        var meter = new Meter(new MeterOptions());

        Assert.Throws<InvalidOperationException>(() =>
            ChatSession.Replay([new ChatAccepted(Scenario.Start)], meter, new ClientReportedEvidence()));
    }

    [Fact]
    public void A_log_with_an_illegal_event_is_corrupt()
    {
        var meter = new Meter(new MeterOptions());
        ChatEvent[] log = [new ChatRequested(Scenario.Start, new ChatTerms(new TokenRate(20), 2500)), new UnitCharged(Scenario.Start, 1)];

        Assert.Throws<InvalidOperationException>(() => ChatSession.Replay(log, meter, new ClientReportedEvidence()));
    }

    private static Scenario BusySession()
    {
        var s = Scenario.Live(rate: 13, limit: Micros.FromTokens(80)).Run(40);
        s.Report(Party.Seller, video: false).Run(10);
        s.Must(new PartyDisconnected(s.Now, Party.Buyer)).Run(20);
        s.Must(new PartyConnected(s.Now, Party.Buyer)).BothVideos().Run(30);
        s.Must(new HeartbeatLost(s.Now, Party.Seller)).Run(5);
        s.Report(Party.Seller).Report(Party.Buyer).Run(200);
        s.Must(new ServerRecovered(s.Now.AddSeconds(1))).Wait(10).Join().BothVideos().Run(30);
        var outlook = s.Meter.Outlook(s.Session, s.Now, s.Wallet);
        s.Must(outlook.Warned(s.Now)).Run(30);
        s.Must(new PartyLeft(s.Now, Party.Seller)).Charge();
        return s;
    }

    private static void AssertSame(ChatSession expected, ChatSession actual, DateTimeOffset now)
    {
        Assert.Equal(Receipt.Of(expected, now), Receipt.Of(actual, now));
        Assert.Equal(expected.State, actual.State);
        Assert.Equal(expected.Evidence, actual.Evidence);
        Assert.Equal(expected.LastWarning, actual.LastWarning);
        Assert.Equal(expected.LastEventAt, actual.LastEventAt);
        Assert.Equal(expected.Events, actual.Events);
    }
}
