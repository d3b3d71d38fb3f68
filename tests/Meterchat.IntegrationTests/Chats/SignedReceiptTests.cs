using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Meterchat.Chats;
using Meterchat.Chats.Receipts;
using Meterchat.Chats.Retention;
using Meterchat.Chats.Store;
using Meterchat.Data;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Trust;
using Meterchat.Ledger;
using Meterchat.Trust.Disputes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Chats;

/// <summary>Signed, hash-chained receipts (docs/receipts.md) end to end, on SQLite and PostgreSQL (MC_TEST_DB).</summary>
public sealed class SignedReceiptTests : IAsyncLifetime
{
    private readonly ChatAppFactory _app = new();

    // A short retention, so the purge test moves the fake clock minutes, not the 30 days that would make the dev
    // chain's block producer (on the same clock) produce a block for every 3 s of them.
    public SignedReceiptTests() => _app.Settings["Retention:ChatLogRetention"] = "00:10:00";

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Both_parties_and_admins_download_a_receipt_that_verifies_with_the_published_key_and_strangers_cannot()
    {
        var (buyer, seller) = await PartiesAsync();
        var stranger = await _app.UserAsync("stranger");
        var admin = await _app.UserAsync("admin", admin: true);
        var id = await _app.EndedSessionAsync(buyer, seller, TimeSpan.FromSeconds(30));
        var running = await _app.LiveSessionAsync(buyer, seller, TimeSpan.FromSeconds(6));

        using var anonymous = _app.CreateClient();
        var published = await anonymous.GetFromJsonAsync<JsonElement>(ReceiptEndpoints.WellKnownPath);
        var key = published.GetProperty("keys")[0].Deserialize<ReceiptPublicKey>(ReceiptFile.Json)!;
        var download = await buyer.Http.GetAsync(new Uri($"/api/chats/{id}/receipt/file", UriKind.Relative));
        var file = ReceiptFile.TryParse(await download.Content.ReadAsStringAsync(), out var problem);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal($"meterchat-receipt-{id}.json", download.Content.Headers.ContentDisposition?.FileName);
        Assert.NotNull(file);
        var verification = ReceiptVerifier.Verify(file, key);
        Assert.True(verification.Passed, verification.Failure ?? problem);
        Assert.Equal((5L, 100_000L, buyer.Id, seller.Id), (file.Receipt.Units, file.Receipt.ChargedMicros, file.Receipt.BuyerId, file.Receipt.SellerId));
        Assert.True(file.Receipt.ChainedSinceStart);
        Assert.Equal(HttpStatusCode.OK, (await seller.Http.GetAsync(new Uri($"/api/chats/{id}/receipt/file", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync(new Uri($"/api/chats/{id}/receipt/file", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync(new Uri($"/api/chats/{id}/receipt/file", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri($"/api/chats/{id}/receipt/file", UriKind.Relative))).StatusCode);
        var early = await buyer.Http.GetAsync(new Uri($"/api/chats/{running}/receipt/file", UriKind.Relative));
        Assert.Equal((HttpStatusCode.Conflict, ReceiptProblems.NotOver), (early.StatusCode, await early.ProblemTypeAsync()));
    }

    [Fact]
    public async Task Every_stored_event_commits_to_the_previous_ones_hash()
    {
        var (buyer, seller) = await PartiesAsync();
        var id = await _app.EndedSessionAsync(buyer, seller, TimeSpan.FromSeconds(20));

        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var events = await db.Set<ChatEventRow>().Where(e => e.SessionId == id).OrderBy(e => e.Seq).ToListAsync();
        var row = await db.Set<ChatSessionRow>().SingleAsync(r => r.Id == id);

        var head = EventChain.Genesis;
        foreach (var e in events)
        {
            head = EventChain.Next(head, e.Json);
            Assert.Equal(head, e.Hash);
        }

        Assert.Equal(head, row.ChainHead);
    }

    [Fact]
    public async Task A_log_stored_before_chaining_still_replays_grows_unchained_and_gets_a_verifiable_receipt()
    {
        var (buyer, seller) = await PartiesAsync();
        var id = await _app.LiveSessionAsync(buyer, seller, TimeSpan.FromSeconds(12));
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Set<ChatEventRow>().Where(e => e.SessionId == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Hash, (string?)null));
            // Every writer of the row bumps its version: the clock's memory of the row it wrote last is then not trusted.
            await db.Set<ChatSessionRow>().Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ChainHead, (string?)null).SetProperty(r => r.Version, r => r.Version + 1));
        }

        await _app.RunAsync(id, TimeSpan.FromSeconds(6));
        await _app.Live.ApplyAsync(id, new PartyLeft(_app.Time.GetUtcNow(), Party.Buyer));
        await _app.Clock.TickAsync();

        var file = ReceiptFile.TryParse(await buyer.Http.GetStringAsync(new Uri($"/api/chats/{id}/receipt/file", UriKind.Relative)), out _)!;
        Assert.Equal(ChatState.Ended, (await _app.Sessions.LoadAsync(id))!.State);
        Assert.Null((await _app.Sessions.FindAsync(id))!.ChainHead);
        Assert.False(file.Receipt.ChainedSinceStart);
        Assert.Equal(3, file.Receipt.Units);
        Assert.True(ReceiptVerifier.Verify(file, _app.Services.GetRequiredService<ReceiptKey>().Public).Passed);
    }

    [Fact]
    public async Task After_the_log_is_purged_the_signed_receipt_is_still_downloadable_and_verifies()
    {
        var (buyer, seller) = await PartiesAsync();
        var id = await _app.EndedSessionAsync(buyer, seller, TimeSpan.FromSeconds(30));
        var before = ReceiptFile.TryParse(await buyer.Http.GetStringAsync(new Uri($"/api/chats/{id}/receipt/file", UriKind.Relative)), out _)!;

        _app.Time.Advance(TimeSpan.FromMinutes(11));
        Assert.True(await _app.Services.GetRequiredService<ChatLogPurge>().PurgeOnceAsync() >= 1);
        Assert.Null(await _app.Sessions.LoadAsync(id));
        var after = ReceiptFile.TryParse(await buyer.Http.GetStringAsync(new Uri($"/api/chats/{id}/receipt/file", UriKind.Relative)), out _)!;

        Assert.Null(after.Events);
        Assert.Equal(before.Receipt, after.Receipt);
        var verification = ReceiptVerifier.Verify(after, _app.Services.GetRequiredService<ReceiptKey>().Public);
        Assert.True(verification.Passed, verification.Failure);
        Assert.True(ReceiptVerifier.Verify(before, _app.Services.GetRequiredService<ReceiptKey>().Public).Passed); // the buyer's full copy still stands
    }

    [Fact]
    public async Task A_dispute_shows_whether_the_buyers_receipt_file_matches_the_servers()
    {
        var (buyer, seller) = await PartiesAsync();
        var id = await _app.EndedSessionAsync(buyer, seller, TimeSpan.FromSeconds(30));
        var json = await buyer.Http.GetStringAsync(new Uri($"/api/chats/{id}/receipt/file", UriKind.Relative));
        var file = ReceiptFile.TryParse(json, out _)!;
        var tooEarly = await buyer.Http.PostAsync(new Uri($"/api/chats/{id}/dispute/receipt", UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        (await buyer.Http.PostAsJsonAsync($"/api/chats/{id}/disputes", new OpenDisputeInput(DisputeReason.BilledWrongly, "I was billed too much"))).EnsureSuccessStatusCode();

        var same = await buyer.Http.PostAsync(new Uri($"/api/chats/{id}/dispute/receipt", UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var sameMatch = await same.Content.ReadFromJsonAsync<ReceiptMatch>();
        var cut = file with { Events = [.. file.Events!.Take(file.Events!.Count - 1)] };
        var truncated = await (await buyer.Http.PostAsync(new Uri($"/api/chats/{id}/dispute/receipt", UriKind.Relative),
            new StringContent(cut.ToJson(), System.Text.Encoding.UTF8, "application/json"))).Content.ReadFromJsonAsync<ReceiptMatch>();
        var junk = await buyer.Http.PostAsync(new Uri($"/api/chats/{id}/dispute/receipt", UriKind.Relative), new StringContent("{\"no\":1}", System.Text.Encoding.UTF8, "application/json"));
        var bySeller = await seller.Http.PostAsync(new Uri($"/api/chats/{id}/dispute/receipt", UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal((HttpStatusCode.Conflict, ReceiptProblems.NoDispute), (tooEarly.StatusCode, await tooEarly.ProblemTypeAsync()));
        Assert.True(sameMatch!.Matches, sameMatch.Detail);
        Assert.False(truncated!.Matches);
        Assert.Contains("truncated", truncated.Detail, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.BadRequest, ReceiptProblems.InvalidFile), (junk.StatusCode, await junk.ProblemTypeAsync()));
        Assert.Equal(HttpStatusCode.NotFound, bySeller.StatusCode);
        await using var scope = _app.Services.CreateAsyncScope();
        var dispute = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Dispute>().SingleAsync(d => d.SessionId == id);
        Assert.Equal(false, dispute.BuyerReceiptMatches); // the last upload decides what the admin sees
        Assert.Contains("truncated", dispute.BuyerReceiptCheck, StringComparison.Ordinal);
    }

    private async Task<(TrustUser Buyer, TrustUser Seller)> PartiesAsync()
    {
        var buyer = await _app.UserAsync("buyer");
        var seller = await _app.SellerAsync();
        await _app.DepositAsync(buyer.Id, Micros.FromUsdt(5));
        return (buyer, seller);
    }
}
