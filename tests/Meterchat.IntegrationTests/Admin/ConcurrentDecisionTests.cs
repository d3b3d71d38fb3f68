using System.Net;
using System.Net.Http.Json;
using Meterchat.Admin;
using Meterchat.Audit;
using Meterchat.Data;
using Meterchat.DevChain;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Withdrawals;
using Meterchat.Trust.Fraud;
using Meterchat.Tron.Crypto;
using Meterchat.Withdrawals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Admin;

/// <summary>
/// A double-click (or two admins) on one decision: exactly one request decides, every other gets a 409 that says it was
/// already decided (never a 500), and the decision's effect and audit row happen once.
/// </summary>
public sealed class ConcurrentDecisionTests(WithdrawalsApp app) : IClassFixture<WithdrawalsApp>
{
    private const int Clicks = 10;

    [Fact]
    public async Task Approving_a_withdrawal_twice_at_once_approves_it_once()
    {
        var admin = await app.CreateSellerAsync("0", admin: true);
        var id = await InReviewAsync();

        var responses = await AtOnceAsync(() => admin.Http.PostAsync(new Uri($"/api/admin/withdrawals/{id}/approve", UriKind.Relative), null));

        await AssertOneDecidedAsync(responses, HttpStatusCode.OK, WithdrawalProblems.NotInReview);
        Assert.Equal(1, await AuditRowsAsync("withdrawal.approve", $"withdrawal:{id}"));
    }

    [Fact]
    public async Task Rejecting_a_withdrawal_twice_at_once_returns_the_funds_once()
    {
        var admin = await app.CreateSellerAsync("0", admin: true);
        var seller = await app.CreateSellerAsync("500");
        var id = await InReviewAsync(seller);

        var responses = await AtOnceAsync(() => admin.Http.PostAsJsonAsync($"/api/admin/withdrawals/{id}/reject", new { reason = "not today" }));

        await AssertOneDecidedAsync(responses, HttpStatusCode.OK, WithdrawalProblems.NotInReview);
        var balances = await app.BalancesAsync(seller);
        Assert.Equal(500_000_000, balances.Earnings.Value);
        Assert.Equal(0, balances.Held.Value);
        await app.AssertAuditPassesAsync();
    }

    [Fact]
    public async Task Banning_twice_at_once_bans_once()
    {
        var admin = await app.CreateSellerAsync("0", admin: true);
        var user = await app.CreateSellerAsync("0");

        var bans = await AtOnceAsync(() => admin.Http.PostAsJsonAsync($"/api/admin/users/{user.UserId}/ban", new { reason = "fraud" }));
        var unbans = await AtOnceAsync(() => admin.Http.PostAsJsonAsync($"/api/admin/users/{user.UserId}/unban", new { reason = "appeal" }));

        await AssertOneDecidedAsync(bans, HttpStatusCode.NoContent, ModerationProblems.AlreadyBanned);
        await AssertOneDecidedAsync(unbans, HttpStatusCode.NoContent, ModerationProblems.NotBanned);
        Assert.Equal(1, await AuditRowsAsync("user.ban", $"user:{user.UserId}"));
        Assert.Equal(1, await AuditRowsAsync("user.unban", $"user:{user.UserId}"));
    }

    [Fact]
    public async Task Dismissing_a_report_twice_at_once_dismisses_it_once()
    {
        var admin = await app.CreateSellerAsync("0", admin: true);
        var (reporter, subject) = (await app.CreateSellerAsync("0"), await app.CreateSellerAsync("0"));
        var filed = await reporter.Http.PostAsJsonAsync("/api/reports", new { subjectId = subject.UserId, reason = "rude" });
        var reportId = (await filed.Content.ReadFromJsonAsync<Meterchat.Sellers.ReportResponse>())!.Id;

        var responses = await AtOnceAsync(() => admin.Http.PostAsJsonAsync($"/api/admin/reports/{reportId}/dismiss", new { note = "no evidence" }));

        await AssertOneDecidedAsync(responses, HttpStatusCode.NoContent, ModerationProblems.ReportHandled);
        Assert.Equal(1, await AuditRowsAsync("report.dismiss", $"user:{subject.UserId}"));
    }

    [Fact]
    public async Task Clearing_a_fraud_flag_twice_at_once_clears_it_once()
    {
        var admin = await app.CreateSellerAsync("0", admin: true);
        var user = await app.CreateSellerAsync("0");
        long flagId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var flag = new FraudFlag { UserId = user.UserId, Rule = "SharedIpOrDevice", Key = Guid.NewGuid().ToString("N"), Evidence = "{}", RaisedAt = app.Time.GetUtcNow() };
            db.Add(flag);
            await db.SaveChangesAsync();
            flagId = flag.Id;
        }

        var responses = await AtOnceAsync(() => admin.Http.PostAsJsonAsync($"/api/admin/fraud-flags/{flagId}/clear", new { reason = "same household" }));

        await AssertOneDecidedAsync(responses, HttpStatusCode.OK, ModerationProblems.UnknownFlag, HttpStatusCode.NotFound);
        Assert.Equal(1, await AuditRowsAsync("fraud.clear", $"user:{user.UserId}"));
    }

    [Fact]
    public async Task Changing_a_setting_twice_at_once_changes_it_once()
    {
        var admin = await app.CreateSellerAsync("0", admin: true);

        var responses = await AtOnceAsync(() => admin.Http.PutAsJsonAsync("/api/admin/settings", new { values = new Dictionary<string, string> { ["Meter:WarningSeconds"] = "45" }, reason = "longer warning" }));

        // A request that read the row after the winner saved it finds the value already so: 200, nothing written.
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, r.StatusCode.ToString()));
        foreach (var conflict in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            Assert.Equal(AdminProblems.SettingsConflict, await conflict.ProblemTypeAsync());
        }

        Assert.Equal(1, await AuditRowsAsync(Meterchat.Admin.Settings.PlatformSettings.ChangeAction, "setting:Meter:WarningSeconds"));
        Assert.Contains("\"45\"", await admin.Http.GetStringAsync(new Uri("/api/admin/settings", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweeping_twice_at_once_pays_energy_once()
    {
        var admin = await app.CreateSellerAsync("0", admin: true);
        using var deposit = TronKey.Generate();
        app.Chain.Faucet(deposit.Address, FaucetToken.Usdt, 9_000_000);
        app.Blocks(1);

        var responses = await AtOnceAsync(() => admin.Http.PostAsJsonAsync("/api/admin/treasury/sweep", new { privateKey = deposit.ExportHex() }));
        app.Blocks(1);
        var sweep = await admin.Http.PostAsJsonAsync("/api/admin/treasury/sweep", new { privateKey = deposit.ExportHex() });
        app.Blocks(1);

        await AssertOneDecidedAsync(responses, HttpStatusCode.OK, WithdrawalProblems.SweepInProgress);
        Assert.Equal(HttpStatusCode.OK, sweep.StatusCode);
        Assert.Equal(0, app.UsdtOf(deposit.Address));
        Assert.Equal(1, await AuditRowsAsync(Treasury.SweepAction, $"address:{deposit.Address.ToBase58()}", "energy"));
    }

    private async Task<long> InReviewAsync(Seller? seller = null)
    {
        seller ??= await app.CreateSellerAsync("500");
        var to = await app.UsableAddressAsync(seller);
        var response = await WithdrawalsApp.RequestAsync(seller, "200", to); // above the 100 USDT automatic threshold
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var view = (await response.Content.ReadFromJsonAsync<WithdrawalView>())!;
        Assert.Equal("InReview", view.Status);
        return view.Id;
    }

    private static async Task<HttpResponseMessage[]> AtOnceAsync(Func<Task<HttpResponseMessage>> click)
    {
        using var start = new SemaphoreSlim(0, Clicks);
        var clicks = Enumerable.Range(0, Clicks).Select(async _ =>
        {
            await start.WaitAsync();
            return await click();
        }).ToList();
        start.Release(Clicks);
        return await Task.WhenAll(clicks);
    }

    private static async Task AssertOneDecidedAsync(HttpResponseMessage[] responses, HttpStatusCode decided, string loserType, HttpStatusCode loserStatus = HttpStatusCode.Conflict)
    {
        Assert.All(responses, r => Assert.True(r.StatusCode == decided || r.StatusCode == loserStatus, r.StatusCode.ToString()));
        Assert.Single(responses, r => r.StatusCode == decided);
        foreach (var loser in responses.Where(r => r.StatusCode == loserStatus))
        {
            Assert.Equal(loserType, await loser.ProblemTypeAsync());
        }
    }

    private async Task<int> AuditRowsAsync(string action, string target, string? detail = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<AdminAction>().AsNoTracking()
            .Where(a => a.Action == action && a.Target == target).ToListAsync();
        return rows.Count(a => detail is null || (a.Details ?? "").Contains(detail, StringComparison.Ordinal));
    }
}
