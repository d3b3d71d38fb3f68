using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Meterchat.Chats;
using Meterchat.Chats.Store;
using Meterchat.Data;
using Meterchat.DevChain;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Deposits;
using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.IntegrationTests.Sellers;
using Meterchat.IntegrationTests.Withdrawals;
using Meterchat.Ledger;
using Meterchat.Withdrawals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Observability;

/// <summary>What an operator's Prometheus reads after real work: a deposit, a billed chat, a payout.</summary>
[Collection(Unshared.Name)]
public sealed partial class MetricsTests
{
    [Fact]
    public async Task A_scrape_after_a_deposit_a_billed_chat_and_a_payout_shows_each_with_the_ledgers_figures()
    {
        await using var app = new WithdrawalsApp();
        app.Settings["Chat:RunClock"] = "false";
        app.Settings["Observability:MetricsToken"] = ObservedApp.Token;
        var d = new DepositsDriver(app, app);

        // A deposit, credited by the watcher.
        var buyer = await d.NewUserAsync();
        d.Chain.Faucet(buyer.Address, FaucetToken.Usdt, 10_000_000);
        d.UntilFinal();
        await d.Watcher.ProcessAvailableBlocksAsync();
        Assert.Equal(10_000_000, await DepositsDriver.WalletAsync(buyer));
        Assert.False((await buyer.ClaimAsync("not-a-txid")).IsSuccessStatusCode);

        // A billed chat: one minute live, then the buyer leaves.
        var buyerId = (await buyer.Client.GetFromJsonAsync<SellersApi.Me>("/api/auth/me"))!.Id;
        var id = await ObservedApp.LiveSessionAsync(app, buyerId, $"seller-{Guid.NewGuid():N}");
        await ObservedApp.RunAsync(app, id, TimeSpan.FromMinutes(1));
        var live = await ObservedApp.ScrapeAsync(app);

        // A payout, from request to final.
        var seller = await app.CreateSellerAsync("50");
        var to = await app.UsableAddressAsync(seller);
        Assert.True((await WithdrawalsApp.RequestAsync(seller, "20", to)).IsSuccessStatusCode);
        await app.Sender.ProcessOnceAsync();
        app.Blocks(1);
        await app.Sender.ProcessOnceAsync();
        app.Solidify();
        await app.Sender.ProcessOnceAsync();
        await d.Watcher.ProcessAvailableBlocksAsync();

        var (_, listenerToken) = await app.CreateVerifiedUserAsync("listener");
        await using var hub = await HubProbe.ConnectAsync(app, listenerToken);
        var m = await ObservedApp.ScrapeAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var unitsInLedger = await db.Set<LedgerTransfer>().CountAsync(t => t.Kind == TransferKind.ChatUnit);
        var transfers = await db.Set<LedgerTransfer>().CountAsync();
        var audit = await d.AuditAsync();

        Assert.True(unitsInLedger >= 10, $"{unitsInLedger} units");
        Assert.Equal(unitsInLedger, m.Value("meterchat_units_charged_total"));
        Assert.Equal(unitsInLedger, m.Value("meterchat_charge_lag_milliseconds_count"));
        Assert.Equal(unitsInLedger, m.Value("meterchat_charge_lag_milliseconds_bucket", "le=+Inf"));
        Assert.Equal(1, live.Value("meterchat_sessions", "state=live"));
        Assert.True(m.Sum("meterchat_pushes_sent_total") > 0);

        Assert.Equal(1, m.Value("meterchat_deposits_credited_total"));
        Assert.Equal(10_000_000, m.Value("meterchat_deposits_credited_micros_total"));
        Assert.Equal(1, m.Value("meterchat_deposits_seen_total", "final=true"));
        Assert.Equal(0, m.Value("meterchat_watcher_blocks_behind"));
        Assert.Equal(d.Chain.SolidifiedHead.Number, m.Value("meterchat_watcher_chain_head"));
        Assert.Equal(0, m.Value("meterchat_deposit_claims_pending"));

        Assert.Equal(1, m.Value("meterchat_payouts_finished_total", "outcome=completed"));
        Assert.Equal(1, m.Value("meterchat_payout_request_to_broadcast_seconds_count"));
        Assert.Equal(1, m.Value("meterchat_payout_broadcast_to_final_seconds_count"));
        Assert.Equal(0, m.Sum("meterchat_payouts"));
        Assert.Equal(18_500_000, m.Value("meterchat_payouts_requested_last_hour_micros"));

        Assert.Equal(transfers, m.Value("meterchat_ledger_transfers_total"));
        Assert.Equal(audit.Figures.Liabilities.Value, m.Value("meterchat_liabilities_micros"));
        Assert.Equal(audit.Figures.OnChainReserves!.Value.Value, m.Value("meterchat_reserves_micros"));
        Assert.Equal(audit.Figures.OnChainReserves!.Value.Value - audit.Figures.Liabilities.Value, m.Value("meterchat_reserves_surplus_micros"));
        Assert.Equal(app.UsdtOf(app.HotWallet.Address), m.Value("meterchat_hot_wallet_usdt_micros"));
        Assert.True(m.Value("meterchat_signins_total") >= 2);
        Assert.Equal(1, m.Value("meterchat_deposits_refused_total", "reason=deposit/malformed-txid"));
        Assert.True(m.Value("meterchat_ledger_batch_size_count") > 0);
        Assert.True(m.Has("http_server_request_duration_seconds_count"));
        Assert.Equal(1, m.Value("meterchat_hub_connections", "hub=PresenceHub"));

        // Every product metric the alert rules and the dashboard use is one the app exports (event-only ones aside).
        string[] eventOnly = ["meterchat_lockouts_total", "meterchat_ratelimit_refusals_total", "meterchat_fraud_flags_total"];
        var exported = m.Samples.Select(s => Family(s.Name)).ToHashSet(StringComparer.Ordinal);
        var used = DeployedNames("prometheus/meterchat-alerts.yml").Concat(DeployedNames("grafana/meterchat-dashboard.json")).Distinct().ToList();
        Assert.True(used.Count > 15, string.Join(", ", used));
        Assert.All(used.Except(eventOnly), name => Assert.Contains(name, exported));
    }

    private static string Family(string name) =>
        new[] { "_bucket", "_count", "_sum" }.FirstOrDefault(s => name.EndsWith(s, StringComparison.Ordinal)) is { } suffix ? name[..^suffix.Length] : name;

    private static IEnumerable<string> DeployedNames(string file)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Meterchat.slnx")))
        {
            root = root.Parent!;
        }

        var text = File.ReadAllText(Path.Combine(root.FullName, "deploy", file));
        return MetricName().Matches(text).Select(x => Family(x.Value));
    }

    [GeneratedRegex("meterchat_[a-z_]+")]
    private static partial Regex MetricName();
}
