using CsCheck;
using Meterchat.Ledger;

namespace Meterchat.IntegrationTests.Ledger;

/// <summary>Random but realistic transfers among a handful of users: deposits, chat units, tips, holds, payouts, replays.</summary>
internal static class LedgerGen
{
    public static Gen<TransferRequest[]> Sequence(string[] users) =>
        Gen.Int[0, 1_000_000].Select(Gen.Int[0, users.Length - 1], Gen.Int[0, users.Length - 1], Gen.Long[1, 50_000_000], Gen.Int[0, 6])
            .Array[5, 40]
            .Select(ops =>
            {
                var requests = new List<TransferRequest>(ops.Length);
                foreach (var (salt, a, b, amount, kind) in ops)
                {
                    var key = $"t:{users[a]}:{salt}";
                    var m = new Micros(amount);
                    requests.Add(kind switch
                    {
                        0 => TransferRequest.Move(key, TransferKind.Deposit, AccountRef.ChainDeposits, AccountRef.Wallet(users[a]), m),
                        1 => ChatUnit(key, users[a], users[b], m),
                        2 => TransferRequest.Move(key, TransferKind.WithdrawalHold, AccountRef.Earnings(users[a]), AccountRef.Held(users[a]), m),
                        3 => TransferRequest.Move(key, TransferKind.WithdrawalPaid, AccountRef.Held(users[a]), AccountRef.ChainWithdrawals, m),
                        4 => TransferRequest.Move(key, TransferKind.Tip, AccountRef.Wallet(users[a]), AccountRef.Earnings(users[b]), m),
                        5 when requests.Count > 0 => requests[salt % requests.Count], // a replay of an earlier request
                        _ => TransferRequest.Move(key, TransferKind.Refund, AccountRef.Earnings(users[b]), AccountRef.Wallet(users[a]), m),
                    });
                }

                return requests.ToArray();
            });

    /// <summary>A chat unit: buyer wallet → seller earnings + platform revenue (25 %, rounded down).</summary>
    public static TransferRequest ChatUnit(string key, string buyer, string seller, Micros price)
    {
        var platform = new Micros(price.Value / 4);
        var sellerShare = price - platform;
        List<Leg> legs = [new(AccountRef.Wallet(buyer), -price), new(AccountRef.PlatformRevenue, platform)];
        if (sellerShare.IsPositive)
        {
            legs.Add(new Leg(AccountRef.Earnings(seller), sellerShare));
        }

        return new TransferRequest(key, TransferKind.ChatUnit, legs.Where(l => l.Amount.Value != 0).ToList());
    }
}
