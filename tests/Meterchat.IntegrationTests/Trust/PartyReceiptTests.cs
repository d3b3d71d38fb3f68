using System.Net.Http.Json;
using Meterchat.Chats;
using Meterchat.Chats.Live;
using Meterchat.IntegrationTests.Chats;
using Meterchat.Ledger;
using Meterchat.Trust.Receipts;
using Meterchat.Trust.Tips;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Meterchat.IntegrationTests.Trust;

/// <summary>The receipt API as each party reads it: names, sentences, amounts in µUSDT with tokens and USDT, tips.</summary>
public sealed class PartyReceiptTests : IAsyncLifetime
{
    private readonly ChatAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Each_party_reads_the_other_partys_name_the_end_in_words_the_split_and_the_tips()
    {
        var buyer = await _app.UserAsync("buyer");
        var seller = await _app.SellerAsync("Anna");
        await _app.DepositAsync(buyer.Id, Micros.FromUsdt(1));
        var id = await _app.EndedSessionAsync(buyer, seller, TimeSpan.FromSeconds(60)); // 10 units of 20 000 µUSDT
        (await buyer.Http.PostAsJsonAsync($"/api/chats/{id}/tips", new TipInput("1", "t1"))).EnsureSuccessStatusCode();

        var mine = (await buyer.Http.GetFromJsonAsync<PartyReceipt>($"/api/chats/{id}/receipt"))!;
        var theirs = (await seller.Http.GetFromJsonAsync<PartyReceipt>($"/api/chats/{id}/receipt"))!;

        Assert.Equal(("Buyer", "Anna", "You ended the chat"), (mine.Role, mine.OtherParty, mine.EndedBecause));
        Assert.Equal("Seller", theirs.Role);
        Assert.StartsWith("Buyer ", theirs.OtherParty, StringComparison.Ordinal);
        Assert.Equal($"{theirs.OtherParty} ended the chat", theirs.EndedBecause);
        Assert.Equal(nameof(EndReason.BuyerLeft), mine.EndReason);
        var units = mine.Units;
        Assert.True(units > 0);
        Assert.Equal((20_000 * units, 5_000 * units, 15_000 * units), (mine.Charged.Micros, mine.Commission.Micros, mine.SellerShare.Micros));
        Assert.Equal(new Micros(20_000 * units).ToUsdtString(), mine.Charged.Usdt);
        Assert.Equal("25 %", mine.CommissionPercent);
        Assert.Equal($"You paid {ReceiptWords.Tokens(new Micros(20_000 * units))} ({new Micros(20_000 * units).ToUsdtString()} USDT)", mine.Outcome);
        Assert.StartsWith("You earned ", theirs.Outcome, StringComparison.Ordinal);
        Assert.Equal((1, 10_000L, 7_500L), (mine.Tips, mine.TipsPaid.Micros, mine.TipsToSeller.Micros));
        Assert.Equal((1, 7_500L), (theirs.Tips, theirs.TipsToSeller.Micros));
        Assert.False(mine.Refunded);
        Assert.Equal(0, mine.Refund.Micros);
    }

    [Fact]
    public async Task A_chat_refunded_because_the_connection_was_lost_early_reads_as_the_refund()
    {
        var buyer = await _app.UserAsync("buyer");
        var seller = await _app.SellerAsync("Anna");
        await _app.DepositAsync(buyer.Id, Micros.FromUsdt(1));
        var id = await _app.LiveSessionAsync(buyer, seller, TimeSpan.FromSeconds(12));

        // Both links go quiet for longer than the reconnect grace: the chat ends as lost, early enough to be refunded.
        await _app.RunAsync(id, TimeSpan.FromSeconds(120), heartbeats: false);
        await _app.Clock.TickAsync();

        var mine = (await buyer.Http.GetFromJsonAsync<PartyReceipt>($"/api/chats/{id}/receipt"))!;
        Assert.Equal(nameof(EndReason.ConnectionLost), mine.EndReason);
        Assert.Equal("The connection was lost", mine.EndedBecause);
        Assert.True(mine.Refunded);
        Assert.Equal(mine.Charged.Micros, mine.Refund.Micros);
        Assert.StartsWith("Refunded in full: ", mine.Outcome, StringComparison.Ordinal);
        Assert.Equal(Micros.FromUsdt(1), await _app.BalanceAsync(AccountRef.Wallet(buyer.Id)));

        // The seller's Earnings page counts the refunded share out again: nothing earned from this chat.
        var earnings = await seller.Http.GetStringAsync(new Uri("/earnings", UriKind.Relative));
        Assert.Contains("id=\"earned-chats\">0 tokens · ", earnings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tip_pushes_both_parties_their_new_balances_and_the_history_names_the_other_party()
    {
        var buyer = await _app.UserAsync("buyer");
        var seller = await _app.SellerAsync("Anna");
        await _app.DepositAsync(buyer.Id, Micros.FromUsdt(1));
        var id = await _app.EndedSessionAsync(buyer, seller, TimeSpan.FromSeconds(60));
        await using var sellerHub = BalanceHub(seller.Token);
        var pushed = new TaskCompletionSource<BalancesResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        sellerHub.On<BalancesResponse>(nameof(IBalanceClient.Balances), b => pushed.TrySetResult(b));
        await sellerHub.StartAsync();

        (await buyer.Http.PostAsJsonAsync($"/api/chats/{id}/tips", new TipInput("2", "t2"))).EnsureSuccessStatusCode();

        var balances = await pushed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal((await _app.BalanceAsync(AccountRef.Earnings(seller.Id))).Value, balances.Earnings.Micros);
        var lines = (await buyer.Http.GetFromJsonAsync<List<HistoryLine>>("/api/chats"))!;
        var line = Assert.Single(lines);
        Assert.Equal((id, "Buyer", "Anna", "You ended the chat", false, (string?)null), (line.Id, line.Role, line.OtherParty, line.Summary, line.Refunded, line.Dispute));
        Assert.Equal(ReceiptWords.Tokens(new Micros(20_000 * line.UnitsCharged)), line.Tokens);
        var theirs = Assert.Single((await seller.Http.GetFromJsonAsync<List<HistoryLine>>("/api/chats"))!);
        Assert.Equal(("Seller", $"{theirs.OtherParty} ended the chat"), (theirs.Role, theirs.Summary));

        // The Earnings page sums today's chat share and tips from the ledger (one grouped query on either database).
        var earnings = await seller.Http.GetStringAsync(new Uri("/earnings", UriKind.Relative));
        var share = ReceiptWords.Tokens(new Micros(15_000 * line.UnitsCharged));
        Assert.Contains($"id=\"earned-chats\">{share} · ", earnings, StringComparison.Ordinal);
        Assert.Contains("id=\"earned-tips\">1.5 tokens · 0.015 USDT", earnings, StringComparison.Ordinal);
    }

    private HubConnection BalanceHub(string token) => new HubConnectionBuilder()
        .WithUrl(new Uri(_app.Server.BaseAddress, Meterchat.Ledger.BalanceHub.Path), o =>
        {
            o.HttpMessageHandlerFactory = _ => _app.Server.CreateHandler();
            o.Transports = HttpTransportType.LongPolling;
            o.AccessTokenProvider = () => Task.FromResult<string?>(token);
        })
        .Build();
}
