using System.Net.Http.Json;
using Meterchat.Chats;
using Meterchat.Chats.Retention;
using Meterchat.Chats.Store;
using Meterchat.Data;
using Meterchat.IntegrationTests.Chats;
using Meterchat.IntegrationTests.Sellers;
using Meterchat.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Moderation;

public sealed class RetentionTests : IAsyncLifetime
{
    private static readonly ChatTerms Terms = new(new TokenRate(20), 2500);
    private readonly ChatAppFactory _app = new();

    // Ten minutes instead of 30 days: moving the fake clock by days would run every periodic timer of the app that often.
    public RetentionTests() => _app.Settings["Retention:ChatLogRetention"] = "00:10:00";

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Purge_removes_old_session_logs_but_keeps_receipts_and_ledger_and_spares_recent_and_live_sessions()
    {
        var buyer = await _app.NewPersonAsync("buyer");
        var seller = await _app.NewPersonAsync("seller");
        await _app.DepositAsync(buyer.Id, Micros.FromUsdt(10));
        var old = await EndedSessionAsync(buyer, seller, TimeSpan.FromMinutes(2));
        var receiptBefore = await buyer.Client.GetFromJsonAsync<ReceiptDto>($"/api/chats/{old}/receipt");
        _app.Time.Advance(TimeSpan.FromMinutes(6));
        var recent = await EndedSessionAsync(buyer, seller, TimeSpan.FromSeconds(30));
        _app.Time.Advance(TimeSpan.FromMinutes(5));
        var live = await _app.AcceptedSessionAsync(buyer.Id, seller.Id, Terms);
        await _app.GoLiveAsync(live);
        await _app.RunAsync(live, TimeSpan.FromSeconds(10));
        var balances = await _app.Ledger.GetBalancesAsync(buyer.Id);

        var purged = await _app.Services.GetRequiredService<ChatLogPurge>().PurgeOnceAsync();

        Assert.Equal(1, purged);
        Assert.Equal(0, await EventCountAsync(old));
        Assert.True(await EventCountAsync(recent) > 0);
        Assert.True(await EventCountAsync(live) > 0);
        Assert.Equal(receiptBefore, await buyer.Client.GetFromJsonAsync<ReceiptDto>($"/api/chats/{old}/receipt"));
        Assert.Equal(receiptBefore, await seller.Client.GetFromJsonAsync<ReceiptDto>($"/api/chats/{old}/receipt"));
        Assert.Equal(balances, await _app.Ledger.GetBalancesAsync(buyer.Id));
        Assert.Equal(receiptBefore!.Units, await UnitTransfersAsync(old));
        Assert.True(receiptBefore.Units > 0);
        Assert.True((await _app.AuditAsync()).Passed);
        var history = await buyer.Client.GetFromJsonAsync<List<HistoryDto>>("/api/chats");
        Assert.Contains(history!, h => h.Id == old && h.UnitsCharged == receiptBefore.Units);

        Assert.Equal(0, await _app.Services.GetRequiredService<ChatLogPurge>().PurgeOnceAsync());
    }

    private async Task<Guid> EndedSessionAsync(Person buyer, Person seller, TimeSpan live)
    {
        var id = await _app.AcceptedSessionAsync(buyer.Id, seller.Id, Terms);
        await _app.GoLiveAsync(id);
        await _app.RunAsync(id, live);
        await _app.Live.ApplyAsync(id, new PartyLeft(_app.Time.GetUtcNow(), Party.Buyer));
        await _app.Clock.TickAsync();
        Assert.Equal(ChatState.Ended, (await _app.Sessions.FindAsync(id))!.State);
        return id;
    }

    private async Task<int> EventCountAsync(Guid id)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<ChatEventRow>().CountAsync(e => e.SessionId == id);
    }

    private async Task<int> UnitTransfersAsync(Guid id)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var reference = id.ToString();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<LedgerTransfer>().CountAsync(t => t.Reference == reference && t.Kind == TransferKind.ChatUnit);
    }

    private sealed record ReceiptDto(string State, string? EndReason, int RateTokensPerMinute, double LiveSeconds, long Units, long ChargedMicros, long SellerShareMicros, string TokensCharged, int Pauses);

    private sealed record HistoryDto(Guid Id, string Role, string State, long UnitsCharged);
}
