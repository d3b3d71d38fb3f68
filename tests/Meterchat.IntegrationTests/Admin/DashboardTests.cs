using System.Net.Http.Json;
using Meterchat.IntegrationTests.Deposits;
using Meterchat.IntegrationTests.Sellers;
using Meterchat.IntegrationTests.Withdrawals;
using Meterchat.Ledger;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Admin;

public sealed class DashboardTests
{
    [Fact]
    public async Task Dashboard_counts_todays_deposit_chat_income_and_payout_and_moves_them_to_yesterday_at_utc_midnight()
    {
        await using var app = new WithdrawalsApp();

        // Late in the UTC day, so crossing midnight is a short step of the fake clock (every timer fires as it moves).
        app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 29, 23, 30, 0, TimeSpan.Zero));
        var admin = await app.NewAdminAsync();
        var deposits = new DepositsDriver(app, app);

        // A buyer tops up 40 USDT on the dev chain; the watcher credits it.
        var buyer = await deposits.NewUserAsync();
        deposits.SendUsdt(deposits.FundedKey(40_000_000), buyer.Address, 40_000_000);
        deposits.UntilFinal();
        await deposits.Watcher.ProcessAvailableBlocksAsync();
        var buyerId = (await buyer.Client.GetFromJsonAsync<SellersApi.Me>("/api/auth/me"))!.Id;

        // The buyer spends it on a chat (booked as the meter books units: seller 75 %, platform 25 %), the seller withdraws 20.
        var seller = await app.CreateSellerAsync("0");
        Assert.True((await app.Services.GetRequiredService<ILedger>().TransferAsync(new TransferRequest($"unit:test:{Guid.NewGuid():N}", TransferKind.ChatUnit,
            [new Leg(AccountRef.Wallet(buyerId), Micros.FromUsdt(-40)), new Leg(AccountRef.Earnings(seller.UserId), Micros.FromUsdt(30)), new Leg(AccountRef.PlatformRevenue, Micros.FromUsdt(10))]))).Succeeded);
        var to = await app.UsableAddressAsync(seller);
        await WithdrawalsApp.RequestAsync(seller, "20", to);
        await SettingsEffectTests.PayAllAsync(app);

        var today = await admin.DashboardAsync();
        var page = await admin.GetStringAsync(new Uri("/admin", UriKind.Relative));
        app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 0, 0, 1, TimeSpan.Zero));
        var tomorrow = await admin.DashboardAsync();

        Assert.Equal((1, 40_000_000L), (today.Today.Deposits, today.Today.DepositMicros));
        Assert.Equal((1, 18_500_000L), (today.Today.Payouts, today.Today.PayoutMicros));
        Assert.Equal(10_000_000 + 1_500_000, today.Today.RevenueMicros); // commission + the withdrawal's 0.50 + 1.00 fees
        Assert.Equal(10_000_000, today.LiabilitiesMicros); // the seller's earnings left
        Assert.NotNull(today.OnChainReservesMicros);
        Assert.True(today.AuditPassed);
        Assert.Equal(30, today.Days.Count);
        Assert.Equal(new DateOnly(2026, 11, 29), today.Days[^1].Day);
        Assert.Equal(new DateOnly(2026, 11, 30), tomorrow.Days[^1].Day);
        Assert.Equal(0, today.LiveSessions);

        Assert.Equal(today.Today, tomorrow.Days[^2]);
        Assert.Equal((0, 0, 0L), (tomorrow.Today.Deposits, tomorrow.Today.Payouts, tomorrow.Today.RevenueMicros));

        Assert.Contains("id=\"today-deposits\">1 · 40.00 USDT", page, StringComparison.Ordinal);
        Assert.Contains("id=\"today-payouts\">1 · 18.50 USDT", page, StringComparison.Ordinal);
        Assert.Contains("<svg role=\"img\" aria-labelledby=\"revenue-title revenue-desc\"", page, StringComparison.Ordinal);
        Assert.Contains("Deposits and payouts per day (USDT) as a table", page, StringComparison.Ordinal);
        Assert.Contains("Ledger audit", page, StringComparison.Ordinal);
    }
}
