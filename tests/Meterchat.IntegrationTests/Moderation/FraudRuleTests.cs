using System.Net;
using System.Net.Http.Json;
using Meterchat.Chats;
using Meterchat.Chats.Live;
using Meterchat.Chats.Store;
using Meterchat.IntegrationTests.Withdrawals;
using Meterchat.Ledger;
using Meterchat.Withdrawals;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Moderation;

/// <summary>Each fraud rule firing and not firing, seen where it matters: the withdrawal goes to review, the admin sees the flag.</summary>
public sealed class FraudRuleTests(WithdrawalsApp app) : IClassFixture<WithdrawalsApp>
{
    private static readonly ChatTerms Terms = new(new TokenRate(20), 2500);

    private ILedger Ledger => app.Services.GetRequiredService<ILedger>();

    [Fact]
    public async Task Shared_ip_of_buyer_and_seller_sends_the_withdrawal_to_review_until_an_admin_clears_the_flag()
    {
        var admin = await app.NewAdminAsync();
        var (buyer, seller) = (await app.CreateSellerAsync("0"), await app.CreateSellerAsync("50"));
        await app.SignInFromAsync(buyer.Email, "203.0.113.7");
        await app.SignInFromAsync(seller.Email, "203.0.113.7");
        await SessionAsync(buyer, seller);
        var to = await app.UsableAddressAsync(seller);

        var flagged = await WithdrawAsync(seller, "10", to);

        Assert.Equal("InReview", flagged.Status);
        Assert.Contains("SharedIpOrDevice", flagged.ReviewReason, StringComparison.Ordinal);
        var flag = Assert.Single((await admin.UserAsync(seller.UserId)).Flags);
        Assert.Equal("SharedIpOrDevice", flag.Rule);
        Assert.Contains("203.0.113.7", flag.Evidence, StringComparison.Ordinal);
        Assert.Contains(buyer.UserId, flag.Evidence, StringComparison.Ordinal);

        var clear = await admin.Client.PostAsJsonAsync($"/api/admin/fraud-flags/{flag.Id}/clear", new { reason = "Flatmates, checked ids" });
        Assert.Equal(HttpStatusCode.OK, clear.StatusCode);
        Assert.Single(await admin.AuditAsync($"action=fraud.clear&target=user:{seller.UserId}"));
        Assert.Equal("Approved", (await WithdrawAsync(seller, "10", to)).Status);
        await SettleAsync();
    }

    [Fact]
    public async Task Buyer_and_seller_on_different_networks_and_browsers_raise_no_flag()
    {
        var admin = await app.NewAdminAsync();
        var (buyer, seller) = (await app.CreateSellerAsync("0"), await app.CreateSellerAsync("50"));
        await app.SignInFromAsync(buyer.Email, "203.0.113.8");
        await app.SignInFromAsync(seller.Email, "198.51.100.9");
        await SessionAsync(buyer, seller);
        var to = await app.UsableAddressAsync(seller);

        Assert.Equal("Approved", (await WithdrawAsync(seller, "10", to)).Status);
        Assert.Empty((await admin.UserAsync(seller.UserId)).Flags);
        await SettleAsync();
    }

    [Fact]
    public async Task More_than_five_accounts_on_one_ip_are_all_flagged()
    {
        var admin = await app.NewAdminAsync();
        var users = new List<Seller>();
        for (var i = 0; i < 6; i++)
        {
            users.Add(await app.CreateSellerAsync("0"));
            await app.SignInFromAsync(users[^1].Email, "192.0.2.50");
        }

        foreach (var user in users)
        {
            var flag = Assert.Single((await admin.UserAsync(user.UserId)).Flags);
            Assert.Equal("ManyAccountsPerIp", flag.Rule);
            Assert.Contains("192.0.2.50", flag.Evidence, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Five_accounts_on_one_ip_raise_no_flag()
    {
        var admin = await app.NewAdminAsync();
        var users = new List<Seller>();
        for (var i = 0; i < 5; i++)
        {
            users.Add(await app.CreateSellerAsync("0"));
            await app.SignInFromAsync(users[^1].Email, "192.0.2.60");
        }

        foreach (var user in users)
        {
            Assert.Empty((await admin.UserAsync(user.UserId)).Flags);
        }
    }

    [Fact]
    public async Task Deposit_spent_with_one_seller_who_withdraws_soon_after_is_flagged()
    {
        var (buyer, seller) = (await app.CreateSellerAsync("0"), await app.CreateSellerAsync("0"));
        await DepositAsync(buyer, "20");
        await ChargeAsync(buyer, seller, await SessionAsync(buyer, seller), "18");
        var to = await app.UsableAddressAsync(seller);

        var view = await WithdrawAsync(seller, "10", to);

        Assert.Equal("InReview", view.Status);
        Assert.Contains("FastDepositSelfDealing", view.ReviewReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deposit_tipped_to_a_seller_after_leaving_the_chat_before_live_is_flagged()
    {
        var (buyer, seller) = (await app.CreateSellerAsync("0"), await app.CreateSellerAsync("0"));
        await DepositAsync(buyer, "20");
        var session = await SessionAsync(buyer, seller);
        var sessions = app.Services.GetRequiredService<LiveSessions>();
        await sessions.RecordAsync(session, new ChatAccepted(app.Time.GetUtcNow()));
        await sessions.RecordAsync(session, new PartyLeft(app.Time.GetUtcNow(), Party.Buyer)); // never live: not a unit charged
        var tip = await buyer.Http.PostAsJsonAsync($"/api/chats/{session}/tips", new { tokens = "1800", clientKey = "thanks-1" });
        Assert.Equal(HttpStatusCode.OK, tip.StatusCode);
        var to = await app.UsableAddressAsync(seller);

        var view = await WithdrawAsync(seller, "10", to);

        Assert.Equal("InReview", view.Status);
        Assert.Contains("FastDepositSelfDealing", view.ReviewReason, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var flags = await scope.ServiceProvider.GetRequiredService<Meterchat.Trust.Fraud.FraudFlags>().ForUserAsync(buyer.UserId, CancellationToken.None);
        Assert.Contains(flags, f => f.Rule == "FastDepositSelfDealing" && f.Evidence.Contains("\"spentWithSellerUsdt\":\"18", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deposit_mostly_spent_elsewhere_is_not_self_dealing()
    {
        var (buyer, seller) = (await app.CreateSellerAsync("0"), await app.CreateSellerAsync("0"));
        await DepositAsync(buyer, "20");
        await ChargeAsync(buyer, seller, await SessionAsync(buyer, seller), "10");
        var to = await app.UsableAddressAsync(seller);

        Assert.Equal("Approved", (await WithdrawAsync(seller, "5", to)).Status);
        await SettleAsync();
    }

    [Fact]
    public async Task Seller_with_four_of_ten_sessions_refunded_is_flagged()
    {
        var seller = await SellerWithRefundsAsync(sessions: 10, refunded: 4);
        var to = await app.UsableAddressAsync(seller);

        var view = await WithdrawAsync(seller, "3.5", to);

        Assert.Equal("InReview", view.Status);
        Assert.Contains("UnusualRefundRate", view.ReviewReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10, 3)] // at the threshold (30 %), not above it
    [InlineData(9, 9)] // too few sessions to judge
    public async Task Refunds_at_the_threshold_or_on_too_few_sessions_raise_no_flag(int sessions, int refunded)
    {
        var seller = await SellerWithRefundsAsync(sessions, refunded);
        await Ledger.TransferAsync(TransferRequest.Move($"test:earnings:{seller.UserId}", TransferKind.Adjustment, AccountRef.PlatformRevenue, AccountRef.Earnings(seller.UserId), Micros.FromUsdt(5)));
        var to = await app.UsableAddressAsync(seller);

        Assert.Equal("Approved", (await WithdrawAsync(seller, "3.5", to)).Status);
        await SettleAsync();
    }

    private async Task<Seller> SellerWithRefundsAsync(int sessions, int refunded)
    {
        var (buyer, seller) = (await app.CreateSellerAsync("0"), await app.CreateSellerAsync("0"));
        // Funds from an adjustment, not a deposit, so only the refund rule is in play.
        Assert.True((await Ledger.TransferAsync(TransferRequest.Move($"test:wallet:{buyer.UserId}", TransferKind.Adjustment, AccountRef.PlatformRevenue, AccountRef.Wallet(buyer.UserId), Micros.FromUsdt(sessions)))).Succeeded);
        for (var i = 0; i < sessions; i++)
        {
            var id = await SessionAsync(buyer, seller);
            await ChargeAsync(buyer, seller, id, "1");
            if (i < refunded)
            {
                Assert.True((await Ledger.TransferAsync(new TransferRequest($"refund:{id}", TransferKind.Refund,
                    [new Leg(AccountRef.Earnings(seller.UserId), -Micros.ParseUsdt("0.75")), new Leg(AccountRef.PlatformRevenue, -Micros.ParseUsdt("0.25")), new Leg(AccountRef.Wallet(buyer.UserId), Micros.FromUsdt(1))],
                    id.ToString()))).Succeeded);
            }
        }

        return seller;
    }

    private Task<Guid> SessionAsync(Seller buyer, Seller seller) =>
        app.Services.GetRequiredService<IChatSessions>().RequestAsync(buyer.UserId, seller.UserId, Terms);

    private async Task DepositAsync(Seller buyer, string usdt) =>
        Assert.True((await Ledger.TransferAsync(TransferRequest.Move($"deposit:test:{Guid.NewGuid():N}", TransferKind.Deposit, AccountRef.ChainDeposits, AccountRef.Wallet(buyer.UserId), Micros.ParseUsdt(usdt)))).Succeeded);

    /// <summary>Chat units worth <paramref name="usdt"/> in one transfer, split 75/25 as the meter would.</summary>
    private async Task ChargeAsync(Seller buyer, Seller seller, Guid session, string usdt)
    {
        var price = Micros.ParseUsdt(usdt);
        var platform = new Micros(price.Value / 4);
        var result = await Ledger.TransferAsync(new TransferRequest($"unit:{session}:1", TransferKind.ChatUnit,
            [new Leg(AccountRef.Wallet(buyer.UserId), -price), new Leg(AccountRef.Earnings(seller.UserId), price - platform), new Leg(AccountRef.PlatformRevenue, platform)],
            session.ToString()));
        Assert.True(result.Succeeded, result.Problem);
    }

    private static async Task<WithdrawalView> WithdrawAsync(Seller seller, string amount, Meterchat.Tron.Encoding.TronAddress to)
    {
        var response = await WithdrawalsApp.RequestAsync(seller, amount, to);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<WithdrawalView>())!;
    }

    private async Task SettleAsync()
    {
        await app.Sender.ProcessOnceAsync();
        app.Solidify();
        await app.Sender.ProcessOnceAsync();
    }
}
