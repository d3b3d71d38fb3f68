using System.Net;
using System.Text.Json;
using Meterchat.IntegrationTests.Withdrawals;
using Meterchat.Reserves;

namespace Meterchat.IntegrationTests.Ethereum;

/// <summary>Ethereum on, its node unreachable (a URL that points nowhere): the admin views show TRON and say so, never a 500.</summary>
public sealed class EthereumNodeUnreachableTests
{
    private static WithdrawalsApp Create()
    {
        var app = new WithdrawalsApp();
        app.Settings["Ethereum:RpcUrl"] = "http://127.0.0.1:1";
        app.Settings["Ethereum:ChainId"] = "1337";
        app.Settings["Ethereum:Tokens:0:Symbol"] = "USDT";
        app.Settings["Ethereum:Tokens:0:Contract"] = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
        app.Settings["Ethereum:HotWalletKey"] = "59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
        app.Settings["Ethereum:Price:FixedMicrosPerEther"] = "3000000000";
        return app;
    }

    [Fact]
    public async Task The_treasury_page_renders_the_tron_part_and_says_the_ethereum_node_could_not_be_reached()
    {
        await using var app = Create();
        var admin = await app.CreateSellerAsync("0", admin: true);

        var response = await admin.Http.GetAsync(new Uri("/admin/treasury", UriKind.Relative));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(app.HotWallet.Address.ToBase58(), page, StringComparison.Ordinal);
        Assert.Contains("id=\"ethereum-unavailable\"", page, StringComparison.Ordinal);
        Assert.Contains("The Ethereum node could not be reached", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"ethereum-holdings\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_treasury_and_audit_apis_mark_the_ethereum_part_unavailable_and_a_snapshot_is_refused()
    {
        await using var app = Create();
        var admin = await app.CreateSellerAsync("0", admin: true);

        foreach (var (url, figures) in new[] { ("/api/admin/treasury", "audit"), ("/api/admin/audit", null) })
        {
            var response = await admin.Http.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var audit = figures is null ? json.RootElement : json.RootElement.GetProperty(figures);
            var lines = audit.GetProperty("figures").GetProperty("reservesLines").EnumerateArray().ToList();
            var ethereum = Assert.Single(lines, l => l.GetProperty("name").GetString()!.StartsWith("Ethereum", StringComparison.Ordinal));
            Assert.Equal(JsonValueKind.Null, ethereum.GetProperty("value").ValueKind);
            Assert.Contains("could not be reached", ethereum.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Contains(lines, l => l.GetProperty("name").GetString()!.StartsWith("TRON", StringComparison.Ordinal) && l.GetProperty("value").ValueKind != JsonValueKind.Null);
        }

        var snapshot = await admin.Http.PostAsync(new Uri("/api/admin/reserves/snapshots", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, snapshot.StatusCode);
        using var problem = JsonDocument.Parse(await snapshot.Content.ReadAsStringAsync());
        Assert.Equal(ReservesProblems.ChainUnavailable, problem.RootElement.GetProperty("type").GetString());
    }
}
