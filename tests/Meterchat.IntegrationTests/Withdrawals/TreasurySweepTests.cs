using System.Net.Http.Json;
using Meterchat.DevChain;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.Tron.Crypto;
using Meterchat.Withdrawals;

namespace Meterchat.IntegrationTests.Withdrawals;

/// <summary>The admin sweep of a deposit address into the hot wallet.</summary>
public sealed class TreasurySweepTests(WithdrawalsApp app) : IClassFixture<WithdrawalsApp>
{
    [Fact]
    public async Task Sweep_funds_a_deposit_address_with_trx_then_moves_its_usdt_to_the_hot_wallet()
    {
        var admin = await app.CreateSellerAsync("0", admin: true);
        using var deposit = TronKey.Generate();
        app.Chain.Faucet(deposit.Address, FaucetToken.Usdt, 25_000_000);
        app.Blocks(1);
        var before = app.UsdtOf(app.HotWallet.Address);

        var energy = await (await admin.Http.PostAsJsonAsync("/api/admin/treasury/sweep", new { privateKey = deposit.ExportHex() })).Content.ReadFromJsonAsync<SweepResult>();
        app.Blocks(1);
        var sweep = await (await admin.Http.PostAsJsonAsync("/api/admin/treasury/sweep", new { privateKey = deposit.ExportHex() })).Content.ReadFromJsonAsync<SweepResult>();
        app.Blocks(1);
        var empty = await admin.Http.PostAsJsonAsync("/api/admin/treasury/sweep", new { privateKey = deposit.ExportHex() });
        var treasury = await admin.Http.GetStringAsync(new Uri("/api/admin/treasury", UriKind.Relative));

        Assert.Equal("energy", energy!.Step);
        Assert.Equal("sweep", sweep!.Step);
        Assert.Equal(before + 25_000_000, app.UsdtOf(app.HotWallet.Address));
        Assert.Equal(WithdrawalProblems.NothingToSweep, await empty.ProblemTypeAsync());
        Assert.DoesNotContain(deposit.ExportHex(), treasury, StringComparison.Ordinal);
        Assert.DoesNotContain(app.HotWallet.Key.ExportHex(), treasury, StringComparison.Ordinal);
        await app.AssertAuditPassesAsync();
    }
}
