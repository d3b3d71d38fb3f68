using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Meterchat.Data;
using Meterchat.Deposits;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.Reserves;
using Meterchat.Tron.Crypto;
using Meterchat.Tron.Encoding;
using Meterchat.Tron.Node;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Withdrawals;

/// <summary>
/// The TRON node unreachable (Node mode, a URL that points nowhere): the admin's treasury and audit views show what
/// they can and say the TRON part could not be read; what needs a TRON figure answers 503
/// <c>reserves/chain-unavailable</c>; nothing answers 500.
/// </summary>
public sealed class TronNodeUnreachableTests
{
    private static WithdrawalsApp Create()
    {
        var app = new WithdrawalsApp();
        app.Settings["Chain:Mode"] = "Node";
        app.Settings["Chain:NodeUrl"] = "http://127.0.0.1:1/";
        // Refused at once; one retry without back-off (a back-off would wait on the test's fake clock).
        app.TestServices = services => services.PostConfigure<TronNodeOptions>(o =>
        {
            o.MaxRetries = 1;
            o.RetryDelay = TimeSpan.Zero;
        });
        return app;
    }

    /// <summary>An admin, and a credited-looking deposit so the unswept deposit addresses are asked too.</summary>
    private static async Task<Seller> AdminWithADepositAsync(WithdrawalsApp app)
    {
        var admin = await app.CreateSellerAsync("0", admin: true);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Add(new Deposit
        {
            TxId = new string('a', 64),
            UserId = admin.UserId,
            Address = TronAddress.FromPublicKey(TronKey.Generate().PublicKey).ToBase58(),
            Amount = 5_000_000,
            BlockNumber = 1,
            Final = true,
            ObservedAt = app.Time.GetUtcNow(),
        });
        await db.SaveChangesAsync();
        return admin;
    }

    [Fact]
    public async Task The_treasury_page_shows_the_rest_and_says_the_tron_node_could_not_be_reached()
    {
        await using var app = Create();
        var admin = await AdminWithADepositAsync(app);

        var response = await admin.Http.GetAsync(new Uri("/admin/treasury", UriKind.Relative));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"tron-unavailable\"", page, StringComparison.Ordinal);
        Assert.Contains("The TRON node could not be reached", page, StringComparison.Ordinal);
        Assert.Contains(app.HotWallet.Address.ToBase58(), page, StringComparison.Ordinal);
        Assert.Contains("Liabilities (users", page, StringComparison.Ordinal);
        Assert.Contains("Payouts waiting", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_dashboard_page_and_api_answer_with_the_tron_reserves_not_counted()
    {
        await using var app = Create();
        var admin = await AdminWithADepositAsync(app);
        await app.CreateSellerAsync("50");

        var page = await admin.Http.GetAsync(new Uri("/admin", UriKind.Relative));
        var api = await admin.Http.GetAsync(new Uri("/api/admin/dashboard", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        // Liabilities exceed what could be read, but unread reserves are not a shortfall: the badge must not say SHORT.
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("not all counted", html, StringComparison.Ordinal);
        Assert.DoesNotContain("SHORT", html, StringComparison.Ordinal);
        Assert.Contains("id=\"reserves-uncounted\"", html, StringComparison.Ordinal);
        var view = await api.Content.ReadFromJsonAsync<Meterchat.Admin.Dashboard.DashboardView>();
        Assert.NotEmpty(view!.UncountedReserves);
    }

    [Fact]
    public async Task The_treasury_and_audit_apis_mark_the_tron_part_unavailable()
    {
        await using var app = Create();
        var admin = await AdminWithADepositAsync(app);

        foreach (var (url, figures) in new[] { ("/api/admin/treasury", "audit"), ("/api/admin/audit", null) })
        {
            var response = await admin.Http.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var audit = figures is null ? json.RootElement : json.RootElement.GetProperty(figures);
            var lines = audit.GetProperty("figures").GetProperty("reservesLines").EnumerateArray().ToList();
            var tron = lines.Where(l => l.GetProperty("name").GetString()!.StartsWith("TRON", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, tron.Count); // the hot wallet and the unswept deposit addresses
            Assert.All(tron, l =>
            {
                Assert.Equal(JsonValueKind.Null, l.GetProperty("value").ValueKind);
                Assert.Contains("The TRON node could not be reached", l.GetProperty("detail").GetString(), StringComparison.Ordinal);
            });
            var coverage = audit.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "Reserves on chain cover liabilities");
            Assert.Contains("not counted", coverage.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        }

        using var treasury = JsonDocument.Parse(await admin.Http.GetStringAsync(new Uri("/api/admin/treasury", UriKind.Relative)));
        Assert.Equal(app.HotWallet.Address.ToBase58(), treasury.RootElement.GetProperty("hotWallet").GetString());
        Assert.Equal(JsonValueKind.Null, treasury.RootElement.GetProperty("hotUsdt").ValueKind);
        Assert.Equal(JsonValueKind.Null, treasury.RootElement.GetProperty("hotTrxSun").ValueKind);
        Assert.Contains("The TRON node could not be reached", treasury.RootElement.GetProperty("tronUnavailable").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_snapshot_and_a_sweep_are_refused_with_503_chain_unavailable_and_nothing_is_published()
    {
        await using var app = Create();
        var admin = await AdminWithADepositAsync(app);

        var snapshot = await admin.Http.PostAsync(new Uri("/api/admin/reserves/snapshots", UriKind.Relative), null);
        var sweep = await admin.Http.PostAsJsonAsync("/api/admin/treasury/sweep", new { privateKey = TronKey.Generate().ExportHex() });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, snapshot.StatusCode);
        Assert.Equal(ReservesProblems.ChainUnavailable, await snapshot.ProblemTypeAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, sweep.StatusCode);
        Assert.Equal(ReservesProblems.ChainUnavailable, await sweep.ProblemTypeAsync());
        using var published = JsonDocument.Parse(await admin.Http.GetStringAsync(new Uri("/api/reserves", UriKind.Relative)));
        Assert.Empty(published.RootElement.EnumerateArray());
    }
}
