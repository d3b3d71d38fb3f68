using System.Net;
using System.Net.Http.Json;
using Meterchat.Admin;
using Meterchat.Audit;
using Meterchat.Chats;
using Meterchat.Data;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Chats;
using Meterchat.Ledger;
using Meterchat.Trust;
using Meterchat.Trust.Disputes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Trust;

public sealed class DisputeTests : IAsyncLifetime
{
    // 60 s live at 20 tokens/min, 25 %: 10 units = 200 000 µUSDT, 50 000 to the platform, 150 000 to the seller.
    private static readonly TimeSpan OneMinute = TimeSpan.FromSeconds(60);
    private readonly ChatAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Deciding_twice_at_once_refunds_once_and_the_other_click_is_told_already_decided()
    {
        var (buyer, _, admin, id) = await EndedAsync();
        var dispute = await OpenAsync(buyer, id, DisputeReason.TechnicalProblem, "Frozen video.");
        using var start = new SemaphoreSlim(0, 13);
        var decisions = Enumerable.Range(0, 10).Select(async _ =>
        {
            await start.WaitAsync();
            return await admin.Http.PostAsJsonAsync($"/api/admin/disputes/{dispute.Id}/decide", new DecideDisputeInput(DisputeOutcome.FullRefund, null, null, "Refunded."));
        }).ToList();
        var listings = Enumerable.Range(0, 3).Select(async _ =>
        {
            await start.WaitAsync();
            return await admin.Http.GetAsync(new Uri("/api/admin/disputes", UriKind.Relative)); // finishes unbooked refunds too
        }).ToList();
        start.Release(13);

        var responses = await Task.WhenAll(decisions);
        var lists = await Task.WhenAll(listings);

        Assert.All(lists, l => Assert.Equal(HttpStatusCode.OK, l.StatusCode));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        foreach (var loser in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            Assert.Equal(HttpStatusCode.Conflict, loser.StatusCode);
            Assert.Equal("dispute/already-decided", await loser.ProblemTypeAsync());
        }

        Assert.Equal(Micros.FromUsdt(1), await _app.BalanceAsync(AccountRef.Wallet(buyer.Id)));
        var mine = Assert.Single((await buyer.Http.GetFromJsonAsync<List<DisputeView>>("/api/disputes"))!);
        Assert.Equal((200_000L, 150_000L, 50_000L), (mine.Refund.Micros, mine.FromSeller.Micros, mine.FromPlatform.Micros));
        Assert.True((await _app.AuditAsync()).Passed);
    }

    [Fact]
    public async Task Full_refund_reverses_the_seller_and_platform_shares_and_the_note_reaches_both_parties()
    {
        var (buyer, seller, admin, id) = await EndedAsync();
        var revenue = await _app.BalanceAsync(AccountRef.PlatformRevenue);
        var dispute = await OpenAsync(buyer, id, DisputeReason.TechnicalProblem, "The video froze all the time.");
        Assert.Equal("Open", dispute.Status);

        var decided = await DecideAsync(admin, dispute.Id, new DecideDisputeInput(DisputeOutcome.FullRefund, null, null, "Refunded: the log shows a bad connection."));

        Assert.Equal("Refunded", decided.Status);
        Assert.Equal(Micros.FromUsdt(1), await _app.BalanceAsync(AccountRef.Wallet(buyer.Id)));
        Assert.Equal(Micros.Zero, await _app.BalanceAsync(AccountRef.Earnings(seller.Id)));
        Assert.Equal(revenue - new Micros(50_000), await _app.BalanceAsync(AccountRef.PlatformRevenue));
        Assert.Equal(Micros.Zero, await _app.BalanceAsync(AccountRef.PlatformLosses));
        foreach (var party in new[] { buyer, seller })
        {
            var mine = Assert.Single((await party.Http.GetFromJsonAsync<List<DisputeView>>("/api/disputes"))!);
            Assert.Equal(("Refunded", "Refunded: the log shows a bad connection."), (mine.Status, mine.Note));
        }

        Assert.True((await _app.AuditAsync()).Passed);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var row = await db.Set<AdminAction>().SingleAsync(a => a.Action == "dispute.decide");
        Assert.Equal(($"dispute:{dispute.Id}", admin.Id), (row.Target, row.ActorId));
        Assert.Equal(1, await db.Set<LedgerTransfer>().CountAsync(t => t.IdempotencyKey == Disputes.TransferKey(dispute.Id) && t.Kind == TransferKind.DisputeRefund));
    }

    [Fact]
    public async Task Partial_refund_of_a_seller_who_withdrew_everything_is_covered_by_platform_losses()
    {
        var (buyer, seller, admin, id) = await EndedAsync();
        await _app.WithdrawEverythingAsync(seller.Id);
        var revenue = await _app.BalanceAsync(AccountRef.PlatformRevenue);
        var dispute = await OpenAsync(seller, id, DisputeReason.Other, "The buyer says it was too short; I agree to refund part.");

        var decided = await DecideAsync(admin, dispute.Id, new DecideDisputeInput(DisputeOutcome.PartialRefund, "10", "tokens", "Half refunded."));

        // 100 000 µUSDT back: the platform's quarter 25 000 from revenue, the seller's 75 000 from losses (earnings are 0).
        Assert.Equal(("Partially refunded", 100_000L, 0L, 25_000L, 75_000L),
            (decided.Status, decided.Refund.Micros, decided.FromSeller.Micros, decided.FromPlatform.Micros, decided.FromLosses.Micros));
        Assert.Equal(Micros.FromUsdt(1) - new Micros(100_000), await _app.BalanceAsync(AccountRef.Wallet(buyer.Id)));
        Assert.Equal(Micros.Zero, await _app.BalanceAsync(AccountRef.Earnings(seller.Id)));
        Assert.Equal(revenue - new Micros(25_000), await _app.BalanceAsync(AccountRef.PlatformRevenue));
        Assert.Equal(new Micros(-75_000), await _app.BalanceAsync(AccountRef.PlatformLosses));
        Assert.True((await _app.AuditAsync()).Passed);
    }

    [Fact]
    public async Task Full_refund_takes_what_the_earnings_hold_and_the_rest_from_losses()
    {
        var (buyer, seller, admin, id) = await EndedAsync();
        await _app.WithdrawEverythingAsync(seller.Id);
        Assert.True((await _app.Ledger.TransferAsync(TransferRequest.Move("test:bonus", TransferKind.Adjustment, AccountRef.PlatformRevenue, AccountRef.Earnings(seller.Id), new Micros(40_000)))).Succeeded);
        var dispute = await OpenAsync(buyer, id, DisputeReason.NotAsDescribed, "Not what the profile said.");

        var decided = await DecideAsync(admin, dispute.Id, new DecideDisputeInput(DisputeOutcome.FullRefund, null, null, "Refunded in full."));

        Assert.Equal((200_000L, 40_000L, 50_000L, 110_000L), (decided.Refund.Micros, decided.FromSeller.Micros, decided.FromPlatform.Micros, decided.FromLosses.Micros));
        Assert.Equal(Micros.FromUsdt(1), await _app.BalanceAsync(AccountRef.Wallet(buyer.Id)));
        Assert.Equal(Micros.Zero, await _app.BalanceAsync(AccountRef.Earnings(seller.Id)));
        Assert.Equal(new Micros(-110_000), await _app.BalanceAsync(AccountRef.PlatformLosses));
        Assert.True((await _app.AuditAsync()).Passed);
    }

    [Fact]
    public async Task Reject_moves_no_money_and_a_second_decision_is_refused()
    {
        var (buyer, seller, admin, id) = await EndedAsync();
        var dispute = await OpenAsync(buyer, id, DisputeReason.BilledWrongly, "I was billed for too long.");
        var wallet = await _app.BalanceAsync(AccountRef.Wallet(buyer.Id));

        var rejected = await DecideAsync(admin, dispute.Id, new DecideDisputeInput(DisputeOutcome.Reject, null, null, "The log shows 60 s live, billed as such."));
        var again = await admin.Http.PostAsJsonAsync($"/api/admin/disputes/{dispute.Id}/decide", new DecideDisputeInput(DisputeOutcome.FullRefund, null, null, "Changed my mind."));

        Assert.Equal("Rejected", rejected.Status);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("dispute/already-decided", await again.ProblemTypeAsync());
        Assert.Equal(wallet, await _app.BalanceAsync(AccountRef.Wallet(buyer.Id)));
        Assert.Equal(new Micros(150_000), await _app.BalanceAsync(AccountRef.Earnings(seller.Id)));
        var mine = Assert.Single((await seller.Http.GetFromJsonAsync<List<DisputeView>>("/api/disputes"))!);
        Assert.Equal("The log shows 60 s live, billed as such.", mine.Note);
    }

    [Fact]
    public async Task Replaying_a_decided_refund_moves_nothing_twice()
    {
        var (buyer, seller, admin, id) = await EndedAsync();
        var dispute = await OpenAsync(buyer, id, DisputeReason.Abuse, "Rude.");
        await DecideAsync(admin, dispute.Id, new DecideDisputeInput(DisputeOutcome.PartialRefund, "0.05", "usdt", "Partly refunded."));
        var wallet = await _app.BalanceAsync(AccountRef.Wallet(buyer.Id));
        var earnings = await _app.BalanceAsync(AccountRef.Earnings(seller.Id));

        // The same refund booked again (a retry after a crash) hits the key dispute:{id}.
        var (result, _) = await RefundTransfer.BookAsync(_app.Ledger, Disputes.TransferKey(dispute.Id), TransferKind.DisputeRefund, buyer.Id, seller.Id,
            new Micros(50_000), new Micros(150_000), new Micros(50_000), $"dispute:{dispute.Id}", default);
        var list = await admin.Http.GetFromJsonAsync<List<DisputeView>>("/api/admin/disputes");

        Assert.Equal(TransferStatus.Replayed, result.Status);
        Assert.Equal(wallet, await _app.BalanceAsync(AccountRef.Wallet(buyer.Id)));
        Assert.Equal(earnings, await _app.BalanceAsync(AccountRef.Earnings(seller.Id)));
        Assert.Equal(Micros.FromUsdt(1) - new Micros(150_000), wallet);
        Assert.Equal("Partially refunded", Assert.Single(list!).Status);
        Assert.True((await _app.AuditAsync()).Passed);
    }

    [Fact]
    public async Task A_dispute_opens_only_within_the_window_after_the_end()
    {
        // The window is 72 h by default (TrustOptionsTests); 10 minutes here, so the fake clock moves little.
        _app.Settings["Trust:DisputeWindow"] = "00:10:00";
        var (buyer, seller, _, id) = await EndedAsync();
        _app.Time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        var late = await buyer.Http.PostAsJsonAsync($"/api/chats/{id}/disputes", new OpenDisputeInput(DisputeReason.Other, "Forgot to say."));

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("dispute/window-closed", await late.ProblemTypeAsync());
        var second = await _app.EndedSessionAsync(buyer, seller, OneMinute);
        _app.Time.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(HttpStatusCode.Created, (await seller.Http.PostAsJsonAsync($"/api/chats/{second}/disputes", new OpenDisputeInput(DisputeReason.Other, "Within the window."))).StatusCode);
    }

    [Fact]
    public async Task Only_the_parties_open_one_dispute_on_an_ended_chat_and_only_admins_decide()
    {
        var (buyer, seller, _, id) = await EndedAsync();
        var stranger = await _app.UserAsync("stranger");
        var running = await _app.LiveSessionAsync(buyer, seller, TimeSpan.FromSeconds(12));

        var byStranger = await stranger.Http.PostAsJsonAsync($"/api/chats/{id}/disputes", new OpenDisputeInput(DisputeReason.Other, "Not mine."));
        var onRunning = await buyer.Http.PostAsJsonAsync($"/api/chats/{running}/disputes", new OpenDisputeInput(DisputeReason.Other, "Still live."));
        var dispute = await OpenAsync(buyer, id, DisputeReason.Other, "First.");
        var twice = await seller.Http.PostAsJsonAsync($"/api/chats/{id}/disputes", new OpenDisputeInput(DisputeReason.Other, "Second."));
        var decideByBuyer = await buyer.Http.PostAsJsonAsync($"/api/admin/disputes/{dispute.Id}/decide", new DecideDisputeInput(DisputeOutcome.FullRefund, null, null, "Me."));

        Assert.Equal((HttpStatusCode.NotFound, "chat/not-found"), (byStranger.StatusCode, await byStranger.ProblemTypeAsync()));
        Assert.Equal((HttpStatusCode.Conflict, "dispute/not-ended"), (onRunning.StatusCode, await onRunning.ProblemTypeAsync()));
        Assert.Equal((HttpStatusCode.Conflict, "dispute/already-open"), (twice.StatusCode, await twice.ProblemTypeAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, decideByBuyer.StatusCode);
        Assert.Empty((await stranger.Http.GetFromJsonAsync<List<DisputeView>>("/api/disputes"))!);
    }

    [Fact]
    public async Task After_a_partial_refund_the_dispute_page_shows_what_was_refunded_and_what_is_left()
    {
        var (buyer, _, admin, id) = await EndedAsync();
        var dispute = await OpenAsync(buyer, id, DisputeReason.BilledWrongly, "Too much.");
        await buyer.Http.PostAsJsonAsync("/api/reports", new Meterchat.Sellers.ReportInput(admin.Id, "Testing the queue count"));
        var dashboard = await admin.Http.GetStringAsync("/admin");
        Assert.Contains("<dd id=\"open-disputes\"><a href=\"/admin/disputes\">1</a></dd>", dashboard);
        Assert.Contains("<dd id=\"open-reports\"><a href=\"/admin/reports\">1</a></dd>", dashboard);
        Assert.Matches(@"href=""/admin/disputes""[^>]*>Disputes<span class=""badge warn""[^>]*>1<", dashboard);

        await DecideAsync(admin, dispute.Id, new DecideDisputeInput(DisputeOutcome.PartialRefund, "0.05", "usdt", "Partly refunded."));

        var detail = (await admin.Http.GetFromJsonAsync<DisputeDetail>($"/api/admin/disputes/{dispute.Id}"))!;
        Assert.Equal((50_000L, 150_000L), (detail.AlreadyRefunded.Micros, detail.Refundable.Micros)); // of 0.20 charged
        var page = await admin.Http.GetStringAsync($"/admin/disputes/{dispute.Id}");
        Assert.Contains("<dt>Already refunded</dt><dd class=\"mono\">0.05 USDT</dd>", page);
        Assert.Contains("<dd id=\"open-disputes\"><a href=\"/admin/disputes\">0</a></dd>", await admin.Http.GetStringAsync("/admin"));
    }

    [Fact]
    public async Task The_admin_sees_the_log_and_receipt_and_cannot_refund_more_than_was_charged()
    {
        var (buyer, _, admin, id) = await EndedAsync();
        var dispute = await OpenAsync(buyer, id, DisputeReason.BilledWrongly, "Too much.");

        var detail = (await admin.Http.GetFromJsonAsync<DisputeDetail>($"/api/admin/disputes/{dispute.Id}"))!;
        var tooMuch = await admin.Http.PostAsJsonAsync($"/api/admin/disputes/{dispute.Id}/decide", new DecideDisputeInput(DisputeOutcome.PartialRefund, "0.200001", "usdt", "Too much."));
        var noNote = await admin.Http.PostAsJsonAsync($"/api/admin/disputes/{dispute.Id}/decide", new DecideDisputeInput(DisputeOutcome.Reject, null, null, " "));

        Assert.Equal((10L, 200_000L, 200_000L), (detail.Receipt.Units, detail.Receipt.ChargedMicros, detail.Refundable.Micros));
        Assert.Contains(detail.Log, l => l.Event == nameof(UnitCharged));
        Assert.Contains(detail.Log, l => l.Event == nameof(PartyLeft));
        Assert.Equal((HttpStatusCode.BadRequest, "dispute/amount-too-large"), (tooMuch.StatusCode, await tooMuch.ProblemTypeAsync()));
        Assert.Equal((HttpStatusCode.BadRequest, "dispute/note-required"), (noNote.StatusCode, await noNote.ProblemTypeAsync()));
        var page = await admin.Http.GetStringAsync($"/admin/disputes/{dispute.Id}");
        Assert.Contains("Session log", page);
        Assert.Contains("Too much.", page);
        Assert.Contains($"/admin/disputes/{dispute.Id}", await admin.Http.GetStringAsync("/admin/disputes"));
    }

    [Fact]
    public async Task Automatic_refund_covers_spent_earnings_from_losses_and_leaves_nothing_to_dispute()
    {
        var buyer = await _app.UserAsync("buyer");
        var seller = await _app.UserAsync("seller");
        var admin = await _app.UserAsync("admin", admin: true);
        await _app.DepositAsync(buyer.Id, Micros.FromUsdt(1));
        var id = await _app.LiveSessionAsync(buyer, seller, TimeSpan.FromSeconds(20));
        await _app.WithdrawEverythingAsync(seller.Id); // the seller's 3 units' share, 45 000 µUSDT, already gone

        await _app.RunAsync(id, TimeSpan.FromSeconds(70), heartbeats: false);

        Assert.Equal(EndReason.ConnectionLost, (await _app.Sessions.LoadAsync(id))!.EndReason);
        Assert.Equal(Micros.FromUsdt(1), await _app.BalanceAsync(AccountRef.Wallet(buyer.Id)));
        Assert.Equal(Micros.Zero, await _app.BalanceAsync(AccountRef.Earnings(seller.Id)));
        Assert.Equal(new Micros(-45_000), await _app.BalanceAsync(AccountRef.PlatformLosses));
        Assert.True((await _app.AuditAsync()).Passed);

        var dispute = await OpenAsync(buyer, id, DisputeReason.TechnicalProblem, "It dropped.");
        var full = await admin.Http.PostAsJsonAsync($"/api/admin/disputes/{dispute.Id}/decide", new DecideDisputeInput(DisputeOutcome.FullRefund, null, null, "Already refunded."));
        Assert.Equal((HttpStatusCode.Conflict, "dispute/nothing-to-refund"), (full.StatusCode, await full.ProblemTypeAsync()));
    }

    private async Task<(TrustUser Buyer, TrustUser Seller, TrustUser Admin, Guid Id)> EndedAsync()
    {
        var buyer = await _app.UserAsync("buyer");
        var seller = await _app.UserAsync("seller");
        var admin = await _app.UserAsync("admin", admin: true);
        await _app.DepositAsync(buyer.Id, Micros.FromUsdt(1));
        var id = await _app.EndedSessionAsync(buyer, seller, OneMinute);
        Assert.Equal(new Micros(150_000), await _app.BalanceAsync(AccountRef.Earnings(seller.Id)));
        return (buyer, seller, admin, id);
    }

    private static async Task<DisputeView> OpenAsync(TrustUser party, Guid sessionId, DisputeReason reason, string text)
    {
        var response = await party.Http.PostAsJsonAsync($"/api/chats/{sessionId}/disputes", new OpenDisputeInput(reason, text));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<DisputeView>())!;
    }

    private static async Task<DisputeView> DecideAsync(TrustUser admin, long disputeId, DecideDisputeInput input)
    {
        var response = await admin.Http.PostAsJsonAsync($"/api/admin/disputes/{disputeId}/decide", input);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<DisputeView>())!;
    }
}
