using System.Net;
using System.Net.Http.Json;
using Meterchat.Chats;
using Meterchat.IntegrationTests.Chats;
using Meterchat.IntegrationTests.Sellers;
using Meterchat.IntegrationTests.Withdrawals;
using Meterchat.Ledger;
using Meterchat.Sellers;
using Meterchat.Withdrawals;

namespace Meterchat.IntegrationTests.Admin;

/// <summary>Settings apply to what starts after the change: a running chat and a requested withdrawal keep their terms.</summary>
public sealed class SettingsEffectTests
{
    [Fact]
    public async Task Commission_change_mid_session_leaves_the_running_session_on_its_split_and_applies_to_the_next()
    {
        await using var app = new ChatAppFactory();
        var admin = await app.NewAdminAsync();
        var (first, firstHub) = await app.NewOnlineSellerAsync(rate: 20, autoAccept: true);
        var (second, secondHub) = await app.NewOnlineSellerAsync(rate: 20, autoAccept: true);
        var buyer = await app.NewPersonAsync("buyer", walletTokens: 1000);

        var running = await RequestAsync(buyer, first);
        await app.GoLiveAsync(running);
        await app.RunAsync(running, TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await admin.ChangeSettingsAsync(new() { ["Meter:CommissionBasisPoints"] = "1000" }, "lower commission")).StatusCode);
        await app.RunAsync(running, TimeSpan.FromMinutes(1));
        await app.Live.ApplyAsync(running, new PartyLeft(app.Time.GetUtcNow(), Party.Buyer));
        await app.Clock.TickAsync();
        var next = await RequestAsync(buyer, second);
        await app.GoLiveAsync(next);
        await app.RunAsync(next, TimeSpan.FromMinutes(1));

        // 20 tokens/min: a unit is 20,000 µUSDT. The running session: 20 units at 25 % (seller 15,000 each), also after
        // the change; the new one: 10 units at 10 % (seller 18,000 each).
        var runningSession = (await app.Sessions.LoadAsync(running))!;
        var nextSession = (await app.Sessions.LoadAsync(next))!;
        Assert.Equal((2500, 20L), (runningSession.Terms.CommissionBasisPoints, runningSession.UnitsCharged));
        Assert.Equal((1000, 10L), (nextSession.Terms.CommissionBasisPoints, nextSession.UnitsCharged));
        Assert.Equal(new Micros(20 * 15_000), await app.Ledger.GetBalanceAsync(AccountRef.Earnings(first.Id)));
        Assert.Equal(new Micros(10 * 18_000), await app.Ledger.GetBalanceAsync(AccountRef.Earnings(second.Id)));
        Assert.Equal(new Micros((20 * 5_000) + (10 * 2_000)), await app.Ledger.GetBalanceAsync(AccountRef.PlatformRevenue));

        // The dashboard counts the session still live, and today's income is exactly the platform's shares.
        var dashboard = await admin.DashboardAsync();
        Assert.Equal(1, dashboard.LiveSessions);
        Assert.Equal((20 * 5_000) + (10 * 2_000), dashboard.Today.RevenueMicros);
        Assert.Equal(2, dashboard.Hours[^1].Requested);
        Assert.Equal(2, dashboard.Hours[^1].Billed);
        Assert.Equal(2, dashboard.SellersOnline + dashboard.SellersBusy);
        Assert.True(dashboard.SellersBusy >= 1);
        Assert.True((await app.AuditAsync()).Passed);
        await firstHub.DisposeAsync();
        await secondHub.DisposeAsync();
    }

    [Fact]
    public async Task Withdrawal_fee_change_applies_to_new_requests_and_not_to_one_already_requested()
    {
        await using var app = new WithdrawalsApp();
        var admin = await app.NewAdminAsync();
        var seller = await app.CreateSellerAsync("50");
        var to = await app.UsableAddressAsync(seller);

        var before = (await (await WithdrawalsApp.RequestAsync(seller, "10", to)).Content.ReadFromJsonAsync<WithdrawalView>())!;
        Assert.Equal(HttpStatusCode.OK, (await admin.ChangeSettingsAsync(new() { ["Withdrawals:PlatformFee"] = "0.80" })).StatusCode);
        var after = (await (await WithdrawalsApp.RequestAsync(seller, "10", to)).Content.ReadFromJsonAsync<WithdrawalView>())!;
        await PayAllAsync(app);

        var mine = (await seller.Http.GetFromJsonAsync<List<WithdrawalView>>("/api/withdrawals"))!;
        var first = mine.Single(w => w.Id == before.Id);
        var second = mine.Single(w => w.Id == after.Id);
        Assert.Equal((500_000L, 8_500_000L, "Completed"), (first.PlatformFee.Micros, first.Net.Micros, first.Status));
        Assert.Equal((800_000L, 8_200_000L, "Completed"), (second.PlatformFee.Micros, second.Net.Micros, second.Status));
        Assert.Equal(8_500_000 + 8_200_000, app.UsdtOf(to));
        await app.AssertAuditPassesAsync();
    }

    internal static async Task PayAllAsync(WithdrawalsApp app)
    {
        await app.Sender.ProcessOnceAsync();
        app.Blocks(1);
        await app.Sender.ProcessOnceAsync();
        app.Solidify();
        await app.Sender.ProcessOnceAsync();
    }

    private static async Task<Guid> RequestAsync(Person buyer, Person seller)
    {
        var response = await buyer.RequestChatAsync(seller.Id, 20);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = (await response.Content.ReadFromJsonAsync<ChatRequestResponse>())!;
        Assert.Equal("accepted", request.State);
        return request.SessionId;
    }
}
