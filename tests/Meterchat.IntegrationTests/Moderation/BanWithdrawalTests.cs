using System.Net;
using System.Net.Http.Json;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Sellers;
using Meterchat.IntegrationTests.Withdrawals;
using Meterchat.Withdrawals;

namespace Meterchat.IntegrationTests.Moderation;

public sealed class BanWithdrawalTests(WithdrawalsApp app) : IClassFixture<WithdrawalsApp>
{
    [Fact]
    public async Task Ban_freezes_an_approved_withdrawal_so_the_sender_never_pays_it_and_approve_is_refused()
    {
        var admin = await app.NewAdminAsync();
        var seller = await app.CreateSellerAsync("50");
        var to = await app.UsableAddressAsync(seller);
        var requested = await (await WithdrawalsApp.RequestAsync(seller, "10", to)).Content.ReadFromJsonAsync<WithdrawalView>();
        Assert.Equal("Approved", requested!.Status);
        var from = app.Chain.Head.Number;

        Assert.Equal(HttpStatusCode.NoContent, (await admin.BanAsync(seller.UserId, "Stolen cards")).StatusCode);
        await app.Sender.ProcessOnceAsync();
        app.Solidify();
        await app.Sender.ProcessOnceAsync();

        Assert.Equal(0, await app.PayoutsToAsync(to, from));
        var queued = Assert.Single((await admin.Client.GetFromJsonAsync<List<WithdrawalView>>("/api/admin/withdrawals"))!, w => w.Id == requested.Id);
        Assert.Equal("InReview", queued.Status);
        Assert.Contains("account banned", queued.ReviewReason, StringComparison.Ordinal);
        var approve = await admin.Client.PostAsync($"/api/admin/withdrawals/{requested.Id}/approve", null);
        Assert.Equal(HttpStatusCode.Conflict, approve.StatusCode);
        Assert.Equal(WithdrawalProblems.Frozen, await approve.ProblemTypeAsync());

        var reject = await admin.Client.PostAsJsonAsync($"/api/admin/withdrawals/{requested.Id}/reject", new { reason = "Account banned for fraud" });
        Assert.Equal(HttpStatusCode.OK, reject.StatusCode);
        Assert.Equal(Meterchat.Ledger.Micros.ParseUsdt("50"), (await app.BalancesAsync(seller)).Earnings);
        var rejected = Assert.Single(await admin.AuditAsync($"action=withdrawal.reject&target=withdrawal:{requested.Id}"));
        Assert.Equal("Account banned for fraud", rejected.Reason);
        await app.AssertAuditPassesAsync();
    }

    [Fact]
    public async Task A_banned_user_cannot_request_a_withdrawal()
    {
        var admin = await app.NewAdminAsync();
        var seller = await app.CreateSellerAsync("50");
        var to = await app.UsableAddressAsync(seller);

        await admin.BanAsync(seller.UserId);
        var response = await WithdrawalsApp.RequestAsync(seller, "10", to);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(Meterchat.Ledger.Micros.Zero, (await app.BalancesAsync(seller)).Held);
    }

    [Fact]
    public async Task Approving_a_withdrawal_in_review_is_written_to_the_audit_log()
    {
        var admin = await app.NewAdminAsync();
        var seller = await app.CreateSellerAsync("150");
        var to = await app.UsableAddressAsync(seller);
        var requested = await (await WithdrawalsApp.RequestAsync(seller, "120", to)).Content.ReadFromJsonAsync<WithdrawalView>();
        Assert.Equal("InReview", requested!.Status);

        Assert.Equal(HttpStatusCode.OK, (await admin.Client.PostAsync($"/api/admin/withdrawals/{requested.Id}/approve", null)).StatusCode);

        var row = Assert.Single(await admin.AuditAsync($"action=withdrawal.approve&target=withdrawal:{requested.Id}"));
        Assert.Equal(admin.Id, row.ActorId);
        await app.Sender.ProcessOnceAsync();
        app.Solidify();
        await app.Sender.ProcessOnceAsync();
    }
}
