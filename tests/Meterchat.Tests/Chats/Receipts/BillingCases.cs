using Meterchat.Chats;
using Meterchat.Ledger;

namespace Meterchat.Tests.Chats.Receipts;

/// <summary>The billing rule tests' scenarios (BillingTests, RefundTests), each run to its end as the meter runs it.</summary>
public static class BillingCases
{
    private static readonly Dictionary<string, Func<Scenario>> Cases = new()
    {
        ["seed: 30 min at 20 tokens/min"] = () => Left(Scenario.Live(rate: 20, walletTokens: 1_000).Run(30 * 60)),
        ["2 s live: 0 units"] = () => Left(Scenario.Live().Run(2)),
        ["3 s live: 1 unit"] = () => Left(Scenario.Live().Run(3)),
        ["8 s live: 1 unit"] = () => Left(Scenario.Live().Run(8)),
        ["9 s live: 2 units"] = () => Left(Scenario.Live().Run(9)),
        ["last unit settled after the leave"] = () =>
        {
            var s = Scenario.Live().Run(8);
            s.Wait(1).Must(new PartyLeft(s.Now, Party.Buyer)).Wait(5).Charge();
            return s;
        },
        ["paused time is not billed"] = () =>
        {
            var s = Scenario.Live().Run(30);
            s.Must(new PartyDisconnected(s.Now, Party.Seller)).Run(50);
            s.Must(new PartyConnected(s.Now, Party.Seller)).BothVideos().Run(30);
            s.Report(Party.Buyer, peer: false).Run(40);
            s.Report(Party.Buyer).Report(Party.Seller).Run(30);
            return Left(s);
        },
        ["balance exhausted"] = () => Scenario.Live(rate: 2, walletTokens: 1).Run(60),
        ["partial unit left in the wallet"] = () =>
        {
            var s = Scenario.Live(rate: 13);
            s.Wallet = new Micros((13_000 * 3) + 12_999);
            return s.Run(60);
        },
        ["spending limit reached"] = () => Scenario.Live(rate: 20, limit: Micros.FromTokens(20)).Run(120),
        ["odd commission rounds the platform down"] = () => Left(Scenario.Live(rate: 7, commissionBasisPoints: 3333).Run(61)),
        ["connection lost early: refunded"] = () =>
        {
            var s = Scenario.Live().Run(20);
            return s.Must(new PartyDisconnected(s.Now, Party.Seller)).Run(60).Must(new ReconnectGraceExpired(s.Now));
        },
        ["connection lost late: not refunded"] = () =>
        {
            var s = Scenario.Live().Run(45);
            s.Must(new PartyDisconnected(s.Now, Party.Seller)).Run(60).Must(new ReconnectGraceExpired(s.Now));
            return s;
        },
        ["declined: nothing billed"] = () => Scenario.Requested().Must(new ChatDeclined(Scenario.Start)),
    };

    public static TheoryData<string> Names => [.. Cases.Keys];

    internal static Scenario Run(string name) => Cases[name]();

    private static Scenario Left(Scenario s)
    {
        s.Must(new PartyLeft(s.Now, Party.Buyer)).Charge();
        return s;
    }
}
