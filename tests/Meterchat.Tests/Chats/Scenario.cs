using Meterchat.Chats;
using Meterchat.Ledger;
using Microsoft.Extensions.Time.Testing;

namespace Meterchat.Tests.Chats;

/// <summary>
/// A session driven the way the hub and the clock will drive it: events stamped with a FakeTimeProvider,
/// units charged through the meter's plan against a buyer's wallet held here.
/// </summary>
internal sealed class Scenario
{
    public static readonly DateTimeOffset Start = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private Scenario(ChatTerms terms, Micros wallet, MeterOptions options, IMediaEvidence media)
    {
        Options = options;
        Meter = new Meter(options);
        Media = media;
        Wallet = wallet;
        Session = ChatSession.Request(new ChatRequested(Time.GetUtcNow(), terms), Meter, Media);
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public MeterOptions Options { get; }

    public Meter Meter { get; }

    public IMediaEvidence Media { get; }

    public ChatSession Session { get; }

    public Micros Wallet { get; set; }

    public Micros SellerEarnings { get; private set; }

    public Micros PlatformRevenue { get; private set; }

    public DateTimeOffset Now => Time.GetUtcNow();

    public TimeSpan LiveTime => Session.LiveTime(Now);

    public static Scenario Requested(
        int rate = 20,
        long walletTokens = 10_000,
        Micros? limit = null,
        int commissionBasisPoints = 2500,
        MeterOptions? options = null,
        IMediaEvidence? media = null) =>
        new(new ChatTerms(new TokenRate(rate), commissionBasisPoints, limit), Micros.FromTokens(walletTokens), options ?? new MeterOptions(), media ?? new ClientReportedEvidence());

    /// <summary>Requested, accepted, both joined and both videos flowing.</summary>
    public static Scenario Live(int rate = 20, long walletTokens = 10_000, Micros? limit = null, int commissionBasisPoints = 2500) =>
        Requested(rate, walletTokens, limit, commissionBasisPoints).Accept().Join().BothVideos();

    public Scenario Accept() => Must(new ChatAccepted(Now));

    public Scenario Join() => Must(new PartyConnected(Now, Party.Buyer)).Must(new PartyConnected(Now, Party.Seller));

    public Scenario BothVideos() => Report(Party.Buyer).Report(Party.Seller);

    public Scenario Report(Party party, bool peer = true, bool video = true) => Must(new MediaReported(Now, party, peer, video));

    public ApplyResult Apply(ChatEvent e) => Session.Apply(e);

    public Scenario Must(ChatEvent e)
    {
        var result = Session.Apply(e);
        Assert.True(result.IsApplied, $"{e} was {result.Outcome}: {result.Reason}");
        return this;
    }

    public Scenario Wait(double seconds)
    {
        Time.Advance(TimeSpan.FromSeconds(seconds));
        return this;
    }

    /// <summary>Advances second by second, charging what is due each time, as the clock does.</summary>
    public Scenario Run(double seconds, double step = 1)
    {
        for (var left = seconds; left > 0; left -= step)
        {
            Wait(Math.Min(step, left));
            Charge();
        }

        return this;
    }

    /// <summary>One clock tick: charge every due unit that fits, in order; refuse the first that does not.</summary>
    public ChargePlan Charge()
    {
        var plan = Meter.Plan(Session, Now, Wallet);
        foreach (var unit in plan.Units)
        {
            Wallet -= plan.Split.Price;
            SellerEarnings += plan.Split.Seller;
            PlatformRevenue += plan.Split.Platform;
            Must(new UnitCharged(Now, unit));
        }

        if (plan.StopReason is { } reason)
        {
            Must(new UnitRefused(Now, plan.RefusedUnit!.Value, reason));
        }

        return plan;
    }
}
