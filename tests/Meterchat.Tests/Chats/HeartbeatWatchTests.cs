using Meterchat.Chats;

namespace Meterchat.Tests.Chats;

public class HeartbeatWatchTests
{
    private static readonly DateTimeOffset T0 = Scenario.Start;

    private readonly HeartbeatWatch _watch = new(new MeterOptions().HeartbeatTimeout);

    [Fact]
    public void Party_silent_for_six_seconds_is_overdue_once()
    {
        _watch.Beat(Party.Buyer, T0);

        Assert.Empty(_watch.TakeOverdue(T0.AddSeconds(5.9)));
        Assert.Equal([Party.Buyer], _watch.TakeOverdue(T0.AddSeconds(6)));
        Assert.Empty(_watch.TakeOverdue(T0.AddSeconds(20)));
    }

    [Fact]
    public void Reports_every_two_seconds_keep_a_party_fresh()
    {
        _watch.Beat(Party.Seller, T0);
        for (var t = 2; t <= 60; t += 2)
        {
            _watch.Beat(Party.Seller, T0.AddSeconds(t));
            Assert.Empty(_watch.TakeOverdue(T0.AddSeconds(t + 1)));
        }
    }

    [Fact]
    public void Next_deadline_is_the_earliest_party_timeout()
    {
        Assert.Null(_watch.NextDeadline);

        _watch.Beat(Party.Buyer, T0.AddSeconds(3));
        _watch.Beat(Party.Seller, T0.AddSeconds(1));

        Assert.Equal(T0.AddSeconds(7), _watch.NextDeadline);
    }

    [Fact]
    public void A_forgotten_party_is_not_watched()
    {
        _watch.Beat(Party.Buyer, T0);
        _watch.Forget(Party.Buyer);

        Assert.Empty(_watch.TakeOverdue(T0.AddMinutes(1)));
        Assert.Null(_watch.NextDeadline);
    }

    [Fact]
    public void Overdue_party_is_watched_again_after_its_next_report()
    {
        _watch.Beat(Party.Buyer, T0);
        _watch.TakeOverdue(T0.AddSeconds(6));

        _watch.Beat(Party.Buyer, T0.AddSeconds(10));

        Assert.Equal([Party.Buyer], _watch.TakeOverdue(T0.AddSeconds(16)));
    }
}
